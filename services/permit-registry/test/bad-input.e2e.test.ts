import type { ApplicationSummary, EstablishmentSummary } from '@signaalhub/contracts';
import { INPUT_RULES, type InputRule } from '@signaalhub/service-kit';
import type { RunningService } from '@signaalhub/test-infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes, takesInput } from '../../../test/input-hardening/routes.js';
import { storeDigest } from '../../../test/input-hardening/stores.js';
import { registration, soestOfficer, startRegistry } from './support/running-registry.js';

/*
 * The bad inputs of "Input hardening" (test/input-hardening) against every route of the permit registry that
 * takes input, listed from its OpenAPI document: a new route without a row here fails. Each bad input gets a
 * 400 naming the field, and afterwards every table of the registry is as it was.
 */

interface Row {
  readonly query?: Readonly<Record<string, string>>;
  readonly body?: () => Record<string, unknown>;
  /** A text field of the body (dotted) the body cases spoil. */
  readonly textField?: string;
}

interface Case {
  readonly name: string;
  readonly path: string;
  readonly body?: Buffer;
  readonly status: number;
  readonly field: string;
  readonly rule?: InputRule;
}

const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('bad input against every permit registry endpoint', () => {
  let sut: RunningService;
  const officer = soestOfficer();
  const ids: Record<string, string> = {};

  const ROWS: Readonly<Record<string, Row>> = {
    'POST /api/establishments': { body: () => registration(), textField: 'tradeName' },
    'GET /api/establishments': { query: { municipality: 'soest', tradeName: 'Auto' } },
    'GET /api/establishments/{id}': {},
    'POST /api/applications': { body: () => ({ establishmentId: ids.establishment, kind: 'nieuw', receivedOn: day(-1) }), textField: 'kind' },
    'GET /api/applications': { query: { municipality: 'soest' } },
    'GET /api/applications/{id}': {},
    'POST /api/applications/{id}/completeness-requests': { body: () => ({ missing: ['Plattegrond'], date: day(0) }), textField: 'date' },
    'POST /api/applications/{id}/completeness-receipts': { body: () => ({ date: day(0) }), textField: 'date' },
    'POST /api/applications/{id}/screening-request': {},
    'GET /api/permits/{id}': {},
    'POST /api/permits/{id}/actions': { body: () => ({ action: 'zienswijze-vragen', date: day(0), reason: 'Voornemen' }), textField: 'reason' },
  };

  beforeAll(async () => {
    sut = await startRegistry({ LOG_LEVEL: 'warn' });
    ids.establishment = ((await (await sut.call('POST', '/api/establishments', officer, registration())).json()) as EstablishmentSummary).id;
    const application = (await (await sut.call('POST', '/api/applications', officer, { establishmentId: ids.establishment, kind: 'nieuw', receivedOn: day(-5) })).json()) as ApplicationSummary;
    ids.application = application.id;
    ids.permit = application.permitId;
  });

  afterAll(() => sut.stop());

  function bodyWith(base: Record<string, unknown>, field: string, value: string | Buffer): Buffer {
    const marker = '@@marker@@';
    const json = JSON.stringify({ ...base, [field]: typeof value === 'string' ? value : marker });
    if (typeof value === 'string') return Buffer.from(json, 'utf8');
    const [before, after] = json.split(`"${marker}"`);
    return Buffer.concat([Buffer.from(before ?? '', 'utf8'), Buffer.from('"'), value, Buffer.from('"'), Buffer.from(after ?? '', 'utf8')]);
  }

  it('answers every bad input with a 400 naming the field, and stores nothing', async () => {
    const before = await storeDigest(sut);
    const routes = (await apiRoutes(sut.base)).filter(takesInput);
    expect(routes.length).toBe(Object.keys(ROWS).length);
    let checked = 0;
    for (const route of routes) {
      const row = ROWS[route.key];
      expect(row, `${route.key} takes input but has no row in the table`).toBeDefined();
      if (row === undefined) continue;
      const idFor = (): string => (route.key.includes('/permits/') ? ids.permit : route.key.includes('/applications/') ? ids.application : ids.establishment) ?? '';
      const pathWith = (id: string): string => route.key.slice(route.method.length + 1).replace('{id}', id);
      const query = new URLSearchParams(row.query ?? {}).toString();
      const good = pathWith(idFor());
      const cases: Case[] = [];
      for (const parameter of route.query.filter((name) => row.query?.[name] !== undefined)) {
        const others = new URLSearchParams(Object.entries(row.query ?? {}).filter(([name]) => name !== parameter)).toString();
        const spoilt = (raw: string): string => `${good}?${[others, raw].filter((part) => part !== '').join('&')}`;
        cases.push(
          { name: `?${parameter} with invalid UTF-8`, path: spoilt(`${parameter}=so%C3%28est`), status: 400, field: parameter, rule: 'invalidUtf8' },
          { name: `?${parameter} with U+0000`, path: spoilt(`${parameter}=soest%00`), status: 400, field: parameter, rule: 'controlCharacters' },
          { name: `?${parameter} repeated`, path: spoilt(`${parameter}=soest&${parameter}=soest`), status: 400, field: parameter, rule: 'repeated' },
          { name: `?${parameter} nested`, path: spoilt(`${parameter}[x]=soest`), status: 400, field: parameter, rule: 'nested' },
        );
      }
      if (route.pathParameters.includes('id')) cases.push({ name: '{id} malformed', path: pathWith('not-a-uuid'), status: 400, field: 'id' });
      if (row.body !== undefined && row.textField !== undefined) {
        const base = row.body();
        const field = row.textField;
        cases.push(
          { name: `${field} with invalid UTF-8`, path: good, body: bodyWith(base, field, Buffer.from([0xc3, 0x28])), status: 400, field: 'body', rule: 'invalidUtf8' },
          { name: `${field} with U+0000`, path: good, body: bodyWith(base, field, 'tekst\u0000'), status: 400, field, rule: 'controlCharacters' },
          { name: `${field} with a lone surrogate`, path: good, body: bodyWith(base, field, 'tekst\ud800'), status: 400, field, rule: 'controlCharacters' },
          { name: 'a body that is no object', path: good, body: Buffer.from('"tekst"'), status: 400, field: 'body' },
          { name: 'an unknown field', path: good, body: Buffer.from(JSON.stringify({ ...base, extra: 'x' })), status: 400, field: 'extra' },
        );
      }
      for (const bad of cases) {
        const headers = { ...(await sut.identityHeaders(officer)), 'content-type': 'application/json' };
        const url = bad.path.includes('?') || query === '' ? bad.path : `${bad.path}?${query}`;
        const response = await fetch(`${sut.base}${url}`, { method: route.method, headers, ...(bad.body === undefined ? {} : { body: new Uint8Array(bad.body) }) });
        const what = `${route.key}: ${bad.name}`;
        expect(response.status, what).toBe(bad.status);
        const answer = (await response.json()) as { problems?: { field: string; rule: string; message: string }[] };
        const named = answer.problems?.find((problem) => problem.field === bad.field);
        expect(named, `${what} names ${bad.field}: ${JSON.stringify(answer)}`).toBeDefined();
        if (bad.rule !== undefined) expect(named, what).toMatchObject(INPUT_RULES[bad.rule]);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(40);
    expect(await storeDigest(sut)).toEqual(before);
  });
});
