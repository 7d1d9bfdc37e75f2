import { DEFAULT_MUNICIPALITIES, THEME_INDICATORS, THEMES, type SignalImportRowInput, type SignalSubmissionInput, type Theme } from '@signaalhub/contracts';

/*
 * A year of generated demo history for `npm start`, imported through the intake's historical import: signals across
 * the five municipalities and the themes, with trends (autobranche and drugsproductie rising, horeca falling) and a
 * few businesses and vehicles that recur across municipal borders, written different ways (KvK number with and
 * without spaces, postcode in lower case, kenteken with and without dashes), so the feed's hits list has entries.
 * Deterministic: a fixed seed and the first start's date as anchor give the same rows (and import ids) every time.
 * All names, numbers and addresses are invented.
 */

const SEED = 20_260_312;
const DAYS = 365;
const SIGNALS_PER_DAY = 3.2;
const DAY_MS = 86_400_000;

/** mulberry32: small, fast and deterministic; not for anything secret. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Businesses and vehicles that turn up in several municipalities, each spelling as a reporter there might write it. */
const RECURRING = [
  { tradeName: 'Eemland Occasions', kvk: ['90001234', '9000 1234'], kenteken: ['XK-842-P', 'xk842p', 'XK 842 P'], themes: ['autobranche'] as Theme[] },
  { tradeName: 'Vaart Opslag & Verhuur', kvk: ['90005678', '9000 5678'], kenteken: ['VTB-12-K', 'vtb12k'], themes: ['buitengebied', 'drugsproductie'] as Theme[] },
  { tradeName: 'Heuvelrug Beheer BV', kvk: ['90009012', '9000 9012'], kenteken: ['J-123-SB', 'j123sb'], themes: ['vastgoed', 'horeca'] as Theme[] },
  { tradeName: 'Snelle Koeriers Midden', kvk: ['90003456', '9000 3456'], kenteken: ['88-ZNG-4', '88zng4', '88 ZNG 4'], themes: ['drugshandel', 'mensenhandel'] as Theme[] },
] as const;

/** Relative weight of a theme at `progress` (0 a year ago, 1 today): some rise, some fall. */
const THEME_WEIGHT: Readonly<Record<Theme, (progress: number) => number>> = {
  autobranche: (p) => 2 + 3 * p,
  buitengebied: (p) => 1.5 + Math.sin(p * Math.PI),
  drugsproductie: (p) => 1 + 2 * p,
  drugshandel: () => 2,
  vastgoed: () => 1.5,
  horeca: (p) => 2.5 - 1.5 * p,
  mensenhandel: () => 0.7,
  overig: () => 1,
};

const MUNICIPALITY_WEIGHT: Readonly<Record<string, number>> = { soest: 3, 'de-bilt': 3, baarn: 2, bunschoten: 1.5, eemnes: 1 };

const FREE_TEXT: Readonly<Record<Theme, string>> = {
  autobranche: 'Veel auto’s met wisselende kentekens, weinig klanten; betalingen contant.',
  buitengebied: 'Schuur met afgeplakte ramen en veel verkeer in de avond.',
  drugsproductie: 'Sterke chemische geur en een hoog stroomverbruik volgens de netbeheerder.',
  drugshandel: 'Korte bezoeken van steeds wisselende personen, ook ’s nachts.',
  vastgoed: 'Pand snel doorverkocht, contante aanbetaling, onduidelijke eigenaar.',
  horeca: 'Zaak vrijwel altijd leeg, toch hoge omzet opgegeven.',
  mensenhandel: 'Bewoners lijken in het pand te werken en te slapen; geen contracten.',
  overig: 'Opvallende signalen die niet onder een ander thema vallen.',
};

function weighted<T extends string>(random: () => number, weights: readonly (readonly [T, number])[]): T {
  const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
  let point = random() * total;
  for (const [value, weight] of weights) {
    point -= weight;
    if (point <= 0) return value;
  }
  return (weights.at(-1) as readonly [T, number])[0];
}

const isoDay = (instant: number): string => new Date(instant).toISOString().slice(0, 10);

/** The rows of the demo history ending the day before `anchorDay` (YYYY-MM-DD). */
export function demoHistory(anchorDay: string): SignalImportRowInput[] {
  const random = generator(SEED);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const end = Date.parse(`${anchorDay}T00:00:00Z`);
  const municipalities = DEFAULT_MUNICIPALITIES.map((municipality) => municipality.id);
  const rows: SignalImportRowInput[] = [];
  for (let day = DAYS; day >= 1; day -= 1) {
    const progress = 1 - day / DAYS;
    const count = Math.floor(SIGNALS_PER_DAY * 2 * random());
    for (let n = 0; n < count; n += 1) {
      const municipality = weighted(random, municipalities.map((id) => [id, MUNICIPALITY_WEIGHT[id] ?? 1] as const));
      const theme = weighted(random, THEMES.map((name) => [name, THEME_WEIGHT[name](progress)] as const));
      const index = rows.length;
      const recurring = RECURRING.find((candidate) => (candidate.themes as readonly Theme[]).includes(theme) && random() < 0.12);
      const postcodeDigits = 3700 + municipalities.indexOf(municipality) * 20 + Math.floor(random() * 20);
      const signal: SignalSubmissionInput = {
        municipality,
        theme,
        location: { postcode: `${String(postcodeDigits)}${random() < 0.5 ? ' ' : ''}${random() < 0.3 ? 'ab' : 'AB'}`, huisnummer: { number: 1 + Math.floor(random() * 200) } },
        subjects:
          recurring === undefined
            ? [{ kind: 'business', kvkNumber: String(70_000_000 + index * 7 + municipalities.indexOf(municipality)), tradeName: `Demobedrijf ${String(index + 1)}` }]
            : [
                { kind: 'business', kvkNumber: pick(recurring.kvk), tradeName: recurring.tradeName },
                { kind: 'vehicle', kenteken: pick(recurring.kenteken) },
              ],
        indicators: THEME_INDICATORS[theme].filter(() => random() < 0.25).slice(0, 3),
        freeText: FREE_TEXT[theme],
        distribution: { recipients: [`gemeente-${municipality}`, 'politie-bes', 'riec-mn'] },
      };
      rows.push({ importId: `demo-historie-${String(index + 1).padStart(5, '0')}`, reportedOn: isoDay(end - day * DAY_MS), signal });
    }
  }
  return rows;
}
