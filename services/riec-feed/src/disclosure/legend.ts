/**
 * The texts a release carries to its readers (Dutch, user-facing). One mark for every suppressed
 * cell: telling primary from secondary suppression apart would tell the reader which cells are small.
 */

/** The mark of a suppressed cell; CBS uses the same "x" for "geheim". */
export const SUPPRESSION_MARK = 'x';

export function legendText(k: number): string {
  return (
    `${SUPPRESSION_MARK} = niet gepubliceerd. Aantallen van 1 tot en met ${String(k - 1)} worden niet getoond, ` +
    'en ook niet de aantallen waaruit zo\u2019n aantal te berekenen zou zijn, binnen deze publicatie of samen met eerdere publicaties. ' +
    `Elke niet-gepubliceerde cel heeft hetzelfde teken ${SUPPRESSION_MARK}; een 0 is echt 0.`
  );
}

export function methodText(k: number): string {
  return (
    `Drempel k = ${String(k)}: een cel met 1 tot en met ${String(k - 1)} meldingen wordt onderdrukt (primaire onderdrukking). ` +
    'Daarna worden zo min mogelijk andere cellen onderdrukt, de kleinste eerst, zodat geen onderdrukte cel volgt uit de totalen ' +
    'en de zichtbare cellen, en geen onderdrukte cel door verschillen met eerdere publicaties aan dezelfde ontvanger te berekenen is ' +
    '(secundaire onderdrukking, gecontroleerd met lineaire programmering over alle publicaties aan deze ontvanger). ' +
    `Medianen en trends gebruiken alleen gepubliceerde cellen van minstens ${String(k)} meldingen.`
  );
}

export function restatementNote(period: string): string {
  return `Periode ${period} is opnieuw vastgesteld: er zijn nagekomen meldingen verwerkt.`;
}

/** What a page, chart table or export shows for a cell: the number, or the mark when it is suppressed. */
export function shownValue(value: number | null, mark: string = SUPPRESSION_MARK): string {
  return value === null ? mark : String(value);
}
