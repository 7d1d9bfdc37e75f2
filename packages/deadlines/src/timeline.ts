import { z } from 'zod';
import { parseIsoDate } from './calendar-date.js';

export const TIMELINE_EVENT_KINDS = [
  'aanvulling-gevraagd',
  'aanvulling-ontvangen',
  'lbb-gevraagd',
  'lbb-verlengd',
  'lbb-informatie-gevraagd',
  'lbb-informatie-ontvangen',
  'lbb-advies-ontvangen',
] as const;
export type TimelineEventKind = (typeof TIMELINE_EVENT_KINDS)[number];

export interface TimelineEvent {
  readonly soort: TimelineEventKind;
  /** `YYYY-MM-DD` */
  readonly datum: string;
}

export interface Timeline {
  /** `YYYY-MM-DD`: the day the application was received; the decision term runs from here. */
  readonly ontvangen: string;
  readonly beslistermijnWeken: number;
  readonly gebeurtenissen: readonly TimelineEvent[];
}

/** A timeline the engine cannot compute with; the message is Dutch and names the field or events. */
export class TimelineError extends Error {
  override readonly name = 'TimelineError';
}

/** Upper bound on the decision term: a sanity limit (ten years), not a legal one. */
export const MAX_BESLISTERMIJN_WEKEN = 520;

/** A zod error message that says "ontbreekt" for a missing field and `message` for a wrong one. */
const missingOr =
  (message: string) =>
  (issue: { readonly input?: unknown }): string =>
    issue.input === undefined ? 'ontbreekt' : message;

const ISO_DATE_FORM = /^\d{4}-\d{2}-\d{2}$/;

const isoDate = z
  .string({ error: missingOr('moet een datum als tekst zijn (JJJJ-MM-DD)') })
  .refine((text) => ISO_DATE_FORM.test(text), { error: (issue) => `${JSON.stringify(issue.input)} heeft niet de vorm JJJJ-MM-DD` })
  .refine((text) => !ISO_DATE_FORM.test(text) || parseIsoDate(text) !== undefined, {
    error: (issue) => `${JSON.stringify(issue.input)} is een datum die niet bestaat`,
  });

const timelineSchema = z.strictObject(
  {
    ontvangen: isoDate,
    beslistermijnWeken: z
      .number({ error: missingOr('moet een getal zijn (weken)') })
      .int({ error: 'moet een geheel aantal weken zijn' })
      .min(1, { error: 'moet ten minste 1 week zijn' })
      .max(MAX_BESLISTERMIJN_WEKEN, { error: `mag niet meer dan ${MAX_BESLISTERMIJN_WEKEN} weken zijn` }),
    gebeurtenissen: z.array(
      z.strictObject(
        {
          soort: z.enum(TIMELINE_EVENT_KINDS, { error: missingOr(`is onbekend; toegestaan: ${TIMELINE_EVENT_KINDS.join(', ')}`) }),
          datum: isoDate,
        },
        { error: (issue) => (issue.code === 'unrecognized_keys' ? `onbekend veld ${issue.keys.join(', ')}` : 'moet een object zijn met soort en datum') },
      ),
      { error: missingOr('moet een lijst van gebeurtenissen zijn') },
    ),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `onbekend veld ${issue.keys.join(', ')}` : 'moet een object zijn met ontvangen, beslistermijnWeken en gebeurtenissen') },
);

/** Checks the shape of a timeline (e.g. parsed JSON); throws a TimelineError naming the first bad field. */
export function parseTimeline(input: unknown): Timeline {
  const result = timelineSchema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue === undefined ? '' : fieldName(issue.path);
  throw new TimelineError(`${field === '' ? 'tijdlijn' : field}: ${issue?.message ?? 'ongeldig'}`);
}

/** e.g. `gebeurtenissen[2].datum`. */
function fieldName(path: readonly PropertyKey[]): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`)).join('');
}
