import { createHash } from 'node:crypto';
import type { MispEventDocument } from './misp-event-schema.js';

/** One cross-municipality hit as the summary shows it: never the token, the identifier or a count of signals. */
export interface CrossMunicipalityHit {
  /** The kind of object matched, e.g. "kvk", "adres", "kenteken". */
  readonly kind: string;
  readonly themes: readonly string[];
  /** How many municipalities reported it; not a count of cases (issue #12), shown as it is. */
  readonly municipalities: number;
  /** ISO 8601 date-times; the export keeps the day only. */
  readonly firstSeen: string;
  readonly lastSeen: string;
}

export interface MispExportRequest {
  /** The event's UUID, kept by the caller so a later export updates the same event. */
  readonly eventUuid: string;
  readonly releaseId: string;
  /** The reference date of the event, YYYY-MM-DD. */
  readonly date: string;
  /** When the export was made, in seconds since the epoch. */
  readonly timestamp: number;
  readonly organisation: { readonly name: string; readonly uuid: string };
  readonly hits: readonly CrossMunicipalityHit[];
}

/**
 * The cross-municipality hit summary as a MISP event. Only kind, themes, number of municipalities and
 * first/last seen (by day) leave: a token in a partner's MISP could be reversed by anyone holding the
 * partnership key (a KvK number has only 10⁸ values). Distribution "0" (this organisation only): the
 * receiving MISP's administrator decides whether to share further. Correlation is off: the texts mean
 * nothing to correlate on.
 */
export function mispEvent(request: MispExportRequest): MispEventDocument {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(request.eventUuid)) throw new Error('eventUuid: must be a UUID');
  request.hits.forEach((hit, i) => {
    // Fewer than two municipalities is not a cross-municipality hit and must not leave the service.
    if (!Number.isInteger(hit.municipalities) || hit.municipalities < 2) throw new Error(`hits[${String(i)}].municipalities: must be a whole number of at least 2`);
  });
  const timestamp = String(Math.floor(request.timestamp));
  const attributes = request.hits.map((hit, i) => ({
    uuid: uuidV5(request.eventUuid, `${request.releaseId}/treffer/${String(i)}`),
    type: 'text',
    category: 'Other' as const,
    to_ids: false,
    distribution: '5' as const,
    sharing_group_id: '0',
    timestamp,
    comment: 'Gemeentegrensoverschrijdende treffer (soort, thema\u2019s, aantal gemeenten); zonder kenmerk of identificatie.',
    deleted: false,
    disable_correlation: true,
    value: `soort: ${hit.kind}; thema's: ${[...hit.themes].sort().join(', ')}; gemeenten: ${String(hit.municipalities)}`,
    first_seen: dayOf(hit.firstSeen),
    last_seen: dayOf(hit.lastSeen),
  }));
  return {
    Event: {
      uuid: request.eventUuid,
      published: false,
      info: `Signaalhub RIEC: gemeentegrensoverschrijdende treffers (publicatie ${request.releaseId})`,
      threat_level_id: '4',
      analysis: '2',
      date: request.date,
      timestamp,
      publish_timestamp: '0',
      attribute_count: String(attributes.length),
      distribution: '0',
      sharing_group_id: '0',
      Orgc: { name: request.organisation.name, uuid: request.organisation.uuid },
      Tag: [{ name: 'tlp:amber', colour: '#FFC000', exportable: true }],
      Attribute: attributes,
    },
  };
}

function dayOf(dateTime: string): string {
  const day = /^(\d{4}-\d{2}-\d{2})/.exec(dateTime)?.[1];
  if (day === undefined) throw new Error('first and last seen must be ISO 8601 date-times');
  return `${day}T00:00:00+00:00`;
}

/** RFC 4122 version 5 (name-based, SHA-1): the same event and hit position give the same attribute UUID. */
function uuidV5(namespace: string, name: string): string {
  const namespaceBytes = Buffer.from(namespace.replaceAll('-', ''), 'hex');
  const hash = createHash('sha1').update(namespaceBytes).update(name, 'utf8').digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
