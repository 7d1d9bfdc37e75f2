import { z } from 'zod';
import { MatchTokenKind } from '../header-fields.js';
import { Limits } from '../limits.js';
import { Huisnummer, Postcode } from '../location.js';
import { Kenteken, KvkNumber } from '../subjects.js';
import { Theme } from '../themes.js';
import type { PoolInformationStatus as HitInformationStatus } from './bibob-api.js';

/*
 * The riec feed's API for the RIEC liaison (services/riec-feed), shared with the web application. A hit
 * is named by an opaque id: never by its token or identifier.
 */

/**
 * At most this many hits in one list: those seen in the most municipalities, most recently seen first. The
 * filters (kind, theme) choose within all hits; a full list says so on the page.
 */
export const HIT_LIST_LIMIT = 1000;

/** `GET /api/hits` query: optional filters. */
export const HitsQuery = z.strictObject({
  kind: MatchTokenKind.optional(),
  theme: Theme.optional(),
});
export type HitsQuery = z.infer<typeof HitsQuery>;

/** A match token seen in signals of two or more municipalities. */
export interface CrossMunicipalityHit {
  readonly id: string;
  readonly kind: MatchTokenKind;
  /** Sorted. */
  readonly themes: readonly Theme[];
  /** How many municipalities (not how many signals). */
  readonly municipalities: number;
  readonly firstSeen: string;
  readonly lastSeen: string;
}

const Label = z.string().trim().min(1).max(Limits.nameLength);

/**
 * `POST /api/exclusions`: an identifier that hits everywhere and means nothing (a towing company, the
 * municipal depot), entered in clear; the feed keeps only its match token and the label. People are not
 * excluded: a person is never "noise".
 */
export const ExclusionRequest = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('kvk'), kvkNumber: KvkNumber, label: Label }),
  z.strictObject({ kind: z.literal('kenteken'), kenteken: Kenteken, label: Label }),
  z.strictObject({ kind: z.literal('address'), postcode: Postcode, huisnummer: Huisnummer, label: Label }),
]);
export type ExclusionRequest = z.infer<typeof ExclusionRequest>;

/** One entry of the exclusion list: its kind and label, never the identifier or its token. */
export interface Exclusion {
  readonly id: string;
  readonly kind: 'kvk' | 'kenteken' | 'address';
  readonly label: string;
  readonly createdAt: string;
  readonly createdBy: { readonly party: string; readonly userId: string };
}

/** A signal that carries a hit's token: routing facts only; `sentToRiec` when the liaison may open it. */
export interface HitSignal {
  readonly signalId: string;
  readonly municipality: string;
  readonly theme: Theme;
  readonly submittedAt: string;
  /** The RIEC was among its recipients: it opens here. Otherwise a "verzoek om informatie" to its municipality. */
  readonly sentToRiec: boolean;
}

/** `POST /api/hits/:id/information-requests`: a signal of the hit the RIEC was not sent, and why it is needed (the same form as the pool's). */
export { PoolInformationRequestForm as HitInformationRequestForm } from './bibob-api.js';

/** Where a request of the liaison stands (`open`: gevraagd, no answer yet); the same statuses as the pool's, PERSISTED in the feed's store. */
export { POOL_INFORMATION_STATUSES as HIT_INFORMATION_STATUSES, type PoolInformationStatus as HitInformationStatus } from './bibob-api.js';

/** A "verzoek om informatie" the liaison sent, as the API returns it (`GET /api/hits/:id/information-requests`). */
export interface HitInformationRequest {
  readonly id: string;
  readonly hitId: string;
  readonly signalId: string;
  readonly municipality: string;
  readonly requestedBy: { readonly party: string; readonly userId: string };
  readonly requestedAt: string;
  readonly status: HitInformationStatus;
  readonly answeredBy: { readonly party: string; readonly userId: string } | null;
  readonly answeredAt: string | null;
  /** The owner's reason, when it refused (opened from the answer's envelope for the liaison). */
  readonly refusalReason: string | null;
}

/**
 * `POST /api/releases`: the month to release (riec-liaison), `YYYY-MM`. The shape is checked here (400);
 * that it is a month and has ended is the feed's rule (422 naming `period`).
 */
export const ReleaseRequestForm = z.strictObject({
  period: z.string().trim().min(1).max(Limits.nameLength),
});
export type ReleaseRequestForm = z.infer<typeof ReleaseRequestForm>;

