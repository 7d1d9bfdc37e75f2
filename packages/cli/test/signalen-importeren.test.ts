import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/index.js';
import { memoryIo } from './memory-io.js';

/*
 * `hub signalen importeren` against a stand-in intake (unit test: the real import is tested end to end in
 * services/signal-intake/test/historical-import.e2e.test.ts). Rows go in chunks of 40, with the token; a refusal
 * names the row counted over the whole file.
 */

const requests: { token: string | undefined; rows: number; firstId: unknown }[] = [];
let server: Server;
let url: string;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hub-import-'));
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const { signals } = JSON.parse(body) as { signals: { importId: string }[] };
      requests.push({ token: request.headers['x-signaalhub-identity'] as string | undefined, rows: signals.length, firstId: signals[0]?.importId });
      const bad = signals.findIndex((row) => row.importId === 'slecht-01');
      response.setHeader('content-type', 'application/json');
      if (bad >= 0) {
        response.statusCode = 400;
        response.end(JSON.stringify({ error: 'validation', problems: [{ field: `signals.${String(bad)}.reportedOn`, rule: 'x', message: 'De meldingsdatum mag niet in de toekomst liggen' }] }));
        return;
      }
      response.statusCode = 201;
      response.end(JSON.stringify({ importBatchId: 'b', imported: signals.length - 1, alreadyImported: 1, signals: [] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

const rowsFile = async (name: string, ids: readonly string[], ndjson: boolean): Promise<string> => {
  const rows = ids.map((importId) => ({ importId, reportedOn: '2026-01-05', signal: {} }));
  const file = join(dir, name);
  await writeFile(file, ndjson ? rows.map((row) => JSON.stringify(row)).join('\n') : JSON.stringify({ signals: rows }));
  return file;
};

describe('hub signalen importeren', () => {
  it('sends an NDJSON file in chunks of 40 with the admin token and sums the answers', async () => {
    requests.length = 0;
    const file = await rowsFile('rijen.ndjson', Array.from({ length: 85 }, (_, index) => `rij-${String(index).padStart(4, '0')}`), true);
    const io = memoryIo('', { HUB_IDENTITY_TOKEN: 'token-van-beheer' });
    expect(await runCli(['signalen', 'importeren', '--intake', url, file], io)).toBe(0);
    expect(requests).toEqual([
      { token: 'token-van-beheer', rows: 40, firstId: 'rij-0000' },
      { token: 'token-van-beheer', rows: 40, firstId: 'rij-0040' },
      { token: 'token-van-beheer', rows: 5, firstId: 'rij-0080' },
    ]);
    expect(io.out()).toBe('82 meldingen geïmporteerd, 3 waren al geïmporteerd\n');
  });

  it('stops at a refused chunk, naming the row of the file (exit 1)', async () => {
    requests.length = 0;
    const ids = Array.from({ length: 50 }, (_, index) => (index === 43 ? 'slecht-01' : `rij-${String(index).padStart(4, '0')}`));
    const io = memoryIo('', { HUB_IDENTITY_TOKEN: 't' });
    expect(await runCli(['signalen', 'importeren', '--intake', url, await rowsFile('rijen.json', ids, false)], io)).toBe(1);
    expect(io.err()).toContain('signals.43.reportedOn: De meldingsdatum mag niet in de toekomst liggen');
    expect(requests).toHaveLength(2);
  });

  it('needs the admin token (exit 2)', async () => {
    const io = memoryIo('', {});
    expect(await runCli(['signalen', 'importeren', '--intake', url, join(dir, 'rijen.json')], io)).toBe(2);
    expect(io.err()).toContain('HUB_IDENTITY_TOKEN ontbreekt');
  });
});
