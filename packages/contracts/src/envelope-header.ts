import { z } from 'zod';
import { EVENT_CATALOG, type EventCatalog, type RoutingFacts } from './event-catalog.js';
import type { EventType, EventTypes } from './event-types.js';
import { EnvelopeMessageId, EnvelopeTimestamp, EventTypeName, HeaderMatchTokens, PayloadSchemaVersion } from './header-fields.js';
import { Limits } from './limits.js';
import { MunicipalityId } from './municipalities.js';
import { PartyId } from './parties.js';
import { Theme } from './themes.js';

/*
 * The envelope header: the ONLY cleartext that travels with an envelope (DESIGN.md §4), so it holds
 * routing facts and match tokens, never personal data. The wire format is PERSISTED in Kafka: never
 * change a field's meaning — add a new header version. Readers accept v1 and v2; senders write v2.
 */

const distinct = (values: readonly string[]): boolean => new Set(values).size === values.length;

const Recipients = z.array(PartyId).min(1).max(Limits.recipientsPerMessage).refine(distinct, 'recipients must be distinct');

/** Header v1: one fixed set of facts, `theme` required; no header signature. Still read, no longer written. */
export const EnvelopeHeaderV1 = z.strictObject({
  messageId: EnvelopeMessageId,
  type: EventTypeName,
  /** Version of the payload schema for `type` (not of the header). */
  schemaVersion: PayloadSchemaVersion,
  sender: PartyId,
  recipients: Recipients,
  municipality: MunicipalityId,
  theme: Theme,
  createdAt: EnvelopeTimestamp,
  matchTokens: HeaderMatchTokens,
});
export type EnvelopeHeaderV1 = z.infer<typeof EnvelopeHeaderV1>;

/**
 * Base64 (no line breaks) of a binary detached OpenPGP signature by the sender's key over the
 * canonical header: the header without this field as `jq -jcS 'del(.headerSignature)'` writes it.
 */
export const HeaderSignature = z
  .string()
  .min(4)
  .max(4096)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'headerSignature must be base64 of a binary detached OpenPGP signature');

/** The facts every v2 header has, whatever its type. */
const commonV2 = {
  /** Tells v2 from v1 (which has no such field). */
  headerVersion: z.literal(2),
  messageId: EnvelopeMessageId,
  /** Version of the payload schema for `type` (not of the header), as the event catalog says. */
  schemaVersion: PayloadSchemaVersion,
  sender: PartyId,
  recipients: Recipients,
  createdAt: EnvelopeTimestamp,
  headerSignature: HeaderSignature,
};

function headerV2Of<T extends EventType>(type: T) {
  return z.strictObject({ ...commonV2, type: z.literal(type), ...(EVENT_CATALOG[type].facts as EventCatalog[T]['facts']) });
}

/** Header v2 of one event type: the common facts, that type's routing facts and the header signature. */
export type EnvelopeHeaderV2Of<T extends EventType> = T extends EventType
  ? {
      readonly headerVersion: 2;
      readonly messageId: string;
      readonly type: T;
      readonly schemaVersion: number;
      readonly sender: PartyId;
      readonly recipients: PartyId[];
      readonly createdAt: string;
      readonly headerSignature: string;
    } & RoutingFacts<T>
  : never;

export type EnvelopeHeaderV2 = EnvelopeHeaderV2Of<EventType>;

/** A v2 header before its sender signed it: what the signature is made over. */
export type UnsignedEnvelopeHeaderV2 = { [T in EventType]: Omit<EnvelopeHeaderV2Of<T>, 'headerSignature'> }[EventType];

const headerV2Schemas = (Object.keys(EVENT_CATALOG) as EventType[]).map((type) => headerV2Of(type));
const unsignedHeaderV2Schemas = headerV2Schemas.map((schema) => schema.omit({ headerSignature: true }));

/** The sealer validates the facts with this before it signs them. */
export const UnsignedEnvelopeHeaderV2 = z.discriminatedUnion(
  'type',
  unsignedHeaderV2Schemas as unknown as [(typeof unsignedHeaderV2Schemas)[number], ...(typeof unsignedHeaderV2Schemas)[number][]],
) as unknown as z.ZodType<UnsignedEnvelopeHeaderV2>;

/** Header v2: its routing facts follow its `type` (EVENT_CATALOG), and the sender signs it (detached). */
export const EnvelopeHeaderV2 = z.discriminatedUnion(
  'type',
  headerV2Schemas as unknown as [(typeof headerV2Schemas)[number], ...(typeof headerV2Schemas)[number][]],
) as unknown as z.ZodType<EnvelopeHeaderV2>;

/** Every header a reader accepts: v2 (written today) or v1 (written before header v2). */
export const EnvelopeHeader = z.union([EnvelopeHeaderV2, EnvelopeHeaderV1]);
export type EnvelopeHeader = EnvelopeHeaderV2 | EnvelopeHeaderV1;

/** A header of one event type as a reader accepts it: v2 of that type, or v1 naming that type. */
export type EnvelopeHeaderOf<T extends EventType> = EnvelopeHeaderV2Of<T> | (EnvelopeHeaderV1 & { readonly type: T });

/** An envelope whose header is of one event type. */
export interface EnvelopeOf<T extends EventType> {
  readonly header: EnvelopeHeaderOf<T>;
  readonly body: string;
}

/** True when the header is of this event type (v1 or v2); narrows it to that type's routing facts. */
export function hasEventType<T extends EventType>(header: EnvelopeHeader, type: T): header is EnvelopeHeader & EnvelopeHeaderOf<T> {
  return header.type === type;
}

/** True for a v2 header (signed by its sender); false for v1. */
export function isHeaderV2(header: EnvelopeHeader): header is EnvelopeHeaderV2 {
  return 'headerVersion' in header;
}

/** Upper bound for an armored body; larger input is rejected before OpenPGP parses it. */
export const MAX_ENVELOPE_BODY_LENGTH = 8 * 1024 * 1024;

export const ArmoredPgpMessage = z
  .string()
  .max(MAX_ENVELOPE_BODY_LENGTH)
  .regex(/^-----BEGIN PGP MESSAGE-----\r?\n/, 'body must be an ASCII-armored OpenPGP message');

/** The one wire format (DESIGN.md §4): cleartext header + OpenPGP message signed by the sender, encrypted to the recipients. */
export const Envelope = z.strictObject({
  header: EnvelopeHeader,
  body: ArmoredPgpMessage,
});
export type Envelope = z.infer<typeof Envelope>;

/*
 * When a signal was reported. A historical import is sealed long after its report day, so `createdAt` (the
 * sealing time, which freshness checks need) is not when it happened: every reader dates a signal with these.
 */

/** The region's calendar (Europe/Amsterdam): a report day is a day in it. */
const REGION_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The day (YYYY-MM-DD) an instant falls on in the region's calendar. */
export function regionDayOf(instant: string | Date): string {
  return REGION_DAY.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** A report day as an instant: noon UTC lies inside that day in the region's calendar, so every reader puts it on that day. */
export function reportDayInstant(day: string): string {
  return `${day}T12:00:00.000Z`;
}

type SignalHeader = EnvelopeHeaderOf<typeof EventTypes.signalSubmitted>;

/** The original report day of a historically imported signal (`reportedOn`); undefined for a signal submitted to the hub. */
export function importedReportDay(header: SignalHeader): string | undefined {
  return 'reportedOn' in header ? header.reportedOn : undefined;
}

/** When the signal was reported: an imported signal's report day (at noon UTC), otherwise its sealing time. */
export function signalReportedAt(header: SignalHeader): string {
  const imported = importedReportDay(header);
  return imported === undefined ? header.createdAt : reportDayInstant(imported);
}

/** The day the signal was reported in the region's calendar: an imported signal's `reportedOn`, otherwise the day it was sealed. */
export function signalReportDay(header: SignalHeader): string {
  return importedReportDay(header) ?? regionDayOf(header.createdAt);
}
