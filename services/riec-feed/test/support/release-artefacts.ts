import { FeedPublished, Topics, type EnvelopeHeader, type ReleaseJson } from '@signaalhub/contracts';
import { storedEnvelopeOpener } from '@signaalhub/envelope';
import type { Pool } from 'pg';
import type { Release } from '../../src/disclosure/index.js';
import { releaseCsv, releaseJson } from '../../src/exports/index.js';
import { loadServiceKeysOnce } from './test-keys.js';

/** Everything that leaves the feed for one stored release: the ledger entry, both exports and the sent event opened as its recipient. */
export interface ReleaseArtefacts {
  readonly stored: Release;
  readonly csv: string;
  readonly json: ReleaseJson;
  readonly eventHeader: EnvelopeHeader;
  readonly eventBody: FeedPublished;
}

/** Reads every release of the schema's ledger and its queued `feed.published`, opened with the recipient's key. */
export async function releaseArtefacts(pool: Pool, schema: string): Promise<ReleaseArtefacts[]> {
  const { keyring } = await loadServiceKeysOnce();
  const opener = storedEnvelopeOpener(keyring);
  const releases = await pool.query<{ release: Release }>(`SELECT release FROM "${schema}".releases ORDER BY recipient, sequence`);
  const events = await pool.query<{ message_value: Buffer }>(`SELECT message_value FROM "${schema}".outbox WHERE topic = $1`, [Topics.feedPublished]);
  const envelopes = events.rows.map((row) => JSON.parse(row.message_value.toString('utf8')) as { header: EnvelopeHeader & { releaseId?: string } });
  return Promise.all(
    releases.rows.map(async ({ release }) => {
      const envelope = envelopes.find((each) => each.header.releaseId === release.id);
      if (envelope === undefined) throw new Error(`no feed.published for release ${release.id}`);
      const opened = await opener.open(envelope, { as: release.recipient, payload: FeedPublished });
      return { stored: release, csv: releaseCsv(release), json: releaseJson(release), eventHeader: opened.header, eventBody: opened.payload };
    }),
  );
}

/** Every published count of an artefact set: cell values of the ledger entry, the JSON and the event, and the CSV's count column. */
export function publishedCounts(artefacts: ReleaseArtefacts): { where: string; value: number }[] {
  const cells = (where: string, tables: readonly { cells: readonly { value: number | null }[] }[]): { where: string; value: number }[] =>
    tables.flatMap((table) => table.cells.flatMap((cell) => (cell.value === null ? [] : [{ where, value: cell.value }])));
  const csvCounts = artefacts.csv
    .trimEnd()
    .split('\r\n')
    .slice(1)
    .map((line) => line.split(',').at(-1) ?? '')
    .filter((field) => /^\d+$/.test(field))
    .map((field) => ({ where: 'csv', value: Number(field) }));
  return [...cells('ledger', artefacts.stored.tables), ...cells('json', artefacts.json.tables), ...cells('event', artefacts.eventBody.tables), ...csvCounts];
}

/** The published counts from 1 to k−1: what disclosure control must never let out. */
export function smallCounts(artefacts: readonly ReleaseArtefacts[], k: number): string[] {
  return artefacts.flatMap((each) =>
    publishedCounts(each)
      .filter(({ value }) => value >= 1 && value < k)
      .map(({ where, value }) => `${each.stored.recipient} ${where}: ${String(value)}`),
  );
}
