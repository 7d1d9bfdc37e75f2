import { z } from 'zod';
import type { Theme } from './themes.js';

/**
 * Indicator codes with their Dutch checklist labels. PERSISTED in signals: never rename a code. A code
 * shared by several themes (e.g. `contante-betalingen`) means the same thing everywhere, which is why
 * labels live in one dictionary and themes only pick codes from it. Sets drawn from IVP BES 2019-2022
 * §3 (facilitators of drug crime in the autobranche and the buitengebied, vastgoed as laundering) and
 * the usual RIEC/CCV recognition lists.
 */
export const INDICATOR_LABELS = {
  // shared
  'contante-betalingen': 'Grote of opvallend veel contante betalingen',
  'stroman': 'Aanwijzingen voor een stroman of katvanger',
  'afgeplakte-ramen': 'Afgeplakte, geblindeerde of dichtgemaakte ramen',
  'stroomverbruik-afwijkend': 'Afwijkend stroomverbruik of illegale aftap',
  'chemische-geur': 'Chemische of anijsachtige geur',
  'verkeer-op-vreemde-tijden': 'Verkeer of bezoek op ongebruikelijke tijden',
  'intimidatie': 'Intimidatie, bedreiging of geweld',
  // autobranche
  'snel-wisselende-voorraad': 'Snel wisselende voorraad voertuigen',
  'geen-administratie': 'Geen of gebrekkige administratie van in- en verkoop',
  'dure-autos-zonder-klanten': "Dure auto's maar weinig klanten of bedrijvigheid",
  'wisselende-eigenaren': 'Vaak wisselende eigenaren of bestuurders in het Handelsregister',
  'verborgen-ruimtes': 'Aanwijzingen voor verborgen ruimtes in voertuigen',
  'buitenlandse-kentekens': 'Veel voertuigen met buitenlandse kentekens',
  'afgeschermd-terrein': 'Afgeschermd terrein of steeds gesloten bedrijfsruimte',
  'ontmoetingsplaats': 'Ontmoetingsplaats van personen bekend bij politie of justitie',
  // buitengebied
  'leegstaande-stallen': 'Leegstaande stallen of schuren',
  'verhuur-aan-onbekenden': 'Verhuur van opstallen aan onbekenden of buitenstaanders',
  'contante-huur': 'Huur contant of ver vooruit betaald',
  'vaten-en-jerrycans': 'Vaten, jerrycans of chemicaliën op het erf',
  'dumping-drugsafval': 'Dumping van (drugs)afval',
  'opvallende-beveiliging': "Opvallende camera's, hekken of honden",
  // drugsproductie
  'hennepgeur': 'Hennepgeur',
  'warmteontwikkeling': 'Opvallende warmte, bijvoorbeeld sneeuw die snel smelt op het dak',
  'ventilatiegeluid': 'Aanhoudend geluid van ventilatoren of afzuiging',
  'condens-op-ramen': 'Condens op de ramen',
  'aanvoer-labmateriaal': 'Aanvoer van chemicaliën, glaswerk of ander labmateriaal',
  // drugshandel
  'veel-kort-bezoek': 'Veel kortdurend bezoek',
  'overdrachten-op-straat': "Overdrachten op straat of vanuit auto's",
  'uitkijkposten': 'Uitkijkposten of lopers',
  'verkooppunt-in-pand': 'Pand in gebruik als verkooppunt (dealpand)',
  'jongeren-als-koerier': 'Jongeren ingezet als koerier of loper',
  'drugsresten-op-straat': 'Drugsresten of -verpakkingen op straat',
  // vastgoed
  'aankoop-met-contant-geld': 'Aankoop (deels) met contant geld',
  'snelle-doorverkoop': 'Snelle doorverkoop (ABC-transacties)',
  'prijs-wijkt-af': 'Prijs wijkt sterk af van de marktwaarde',
  'langdurige-leegstand': 'Langdurige leegstand',
  'wisselende-huurders': 'Onbekende of vaak wisselende huurders',
  'herkomst-financiering-onduidelijk': 'Herkomst van de financiering onduidelijk',
  // horeca
  'hoge-omzet-weinig-klanten': 'Hoge omzet bij weinig klanten',
  'wisselende-leidinggevenden': 'Vaak wisselende leidinggevenden of eigenaren',
  'ongebruikelijke-openingstijden': 'Ongebruikelijke openingstijden',
  'drugshandel-in-zaak': 'Aanwijzingen voor drugshandel in de zaak',
  'investering-onverklaarbaar': 'Onverklaarbare investering of verbouwing',
  // mensenhandel
  'slechte-huisvesting': 'Slechte of overbewoonde huisvesting',
  'afhankelijkheid': 'Afhankelijkheid van werkgever, pandeigenaar of tussenpersoon',
  'geen-eigen-papieren': 'Geen beschikking over eigen identiteitspapieren',
  'lange-werkdagen': 'Zeer lange werkdagen of opvallend lage beloning',
  'sekswerk-advertenties': 'Advertenties voor sekswerk op het adres',
  'angstig-gedrag': 'Angstig of gecontroleerd gedrag',
  'groepsvervoer': 'Vervoer in groepen van en naar het werk',
  // overig
  'onverklaarbaar-vermogen': 'Onverklaarbaar vermogen of luxe',
  'misbruik-vergunning-of-subsidie': 'Vermoeden van misbruik van een vergunning of subsidie',
  'witwassen': 'Aanwijzingen voor witwassen',
  'anders': 'Anders (toelichten in de vrije tekst)',
} as const satisfies Record<string, string>;

export type IndicatorCode = keyof typeof INDICATOR_LABELS;

/** The checklist shown per theme; a signal may only carry indicators from its theme's list. */
export const THEME_INDICATORS = {
  autobranche: [
    'contante-betalingen',
    'snel-wisselende-voorraad',
    'geen-administratie',
    'dure-autos-zonder-klanten',
    'wisselende-eigenaren',
    'stroman',
    'verborgen-ruimtes',
    'buitenlandse-kentekens',
    'afgeschermd-terrein',
    'ontmoetingsplaats',
  ],
  buitengebied: [
    'leegstaande-stallen',
    'afgeplakte-ramen',
    'stroomverbruik-afwijkend',
    'chemische-geur',
    'verhuur-aan-onbekenden',
    'contante-huur',
    'vaten-en-jerrycans',
    'dumping-drugsafval',
    'verkeer-op-vreemde-tijden',
    'opvallende-beveiliging',
  ],
  drugsproductie: [
    'hennepgeur',
    'chemische-geur',
    'stroomverbruik-afwijkend',
    'warmteontwikkeling',
    'ventilatiegeluid',
    'afgeplakte-ramen',
    'condens-op-ramen',
    'aanvoer-labmateriaal',
    'dumping-drugsafval',
  ],
  drugshandel: [
    'veel-kort-bezoek',
    'overdrachten-op-straat',
    'uitkijkposten',
    'verkooppunt-in-pand',
    'contante-betalingen',
    'jongeren-als-koerier',
    'intimidatie',
    'drugsresten-op-straat',
  ],
  vastgoed: [
    'aankoop-met-contant-geld',
    'snelle-doorverkoop',
    'prijs-wijkt-af',
    'langdurige-leegstand',
    'stroman',
    'wisselende-huurders',
    'herkomst-financiering-onduidelijk',
  ],
  horeca: [
    'hoge-omzet-weinig-klanten',
    'wisselende-leidinggevenden',
    'ongebruikelijke-openingstijden',
    'contante-betalingen',
    'ontmoetingsplaats',
    'intimidatie',
    'drugshandel-in-zaak',
    'investering-onverklaarbaar',
  ],
  mensenhandel: [
    'slechte-huisvesting',
    'afhankelijkheid',
    'geen-eigen-papieren',
    'lange-werkdagen',
    'sekswerk-advertenties',
    'angstig-gedrag',
    'groepsvervoer',
  ],
  overig: [
    'contante-betalingen',
    'stroman',
    'intimidatie',
    'onverklaarbaar-vermogen',
    'misbruik-vergunning-of-subsidie',
    'witwassen',
    'anders',
  ],
} as const satisfies Record<Theme, readonly IndicatorCode[]>;

const ALL_INDICATOR_CODES = Object.keys(INDICATOR_LABELS) as [IndicatorCode, ...IndicatorCode[]];

/** Any known indicator code; whether it fits the signal's theme is checked by the signal schema. */
export const IndicatorCode = z.enum(ALL_INDICATOR_CODES);

/** Longest checklist of any theme: a signal cannot carry more indicators than that. */
export const MAX_INDICATORS_PER_SIGNAL = Math.max(...Object.values(THEME_INDICATORS).map((codes) => codes.length));

export function isIndicatorOfTheme(theme: Theme, code: IndicatorCode): boolean {
  return (THEME_INDICATORS[theme] as readonly IndicatorCode[]).includes(code);
}
