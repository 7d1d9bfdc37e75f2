import type { EstablishmentDetail, EstablishmentSummary } from '@signaalhub/contracts';
import type { RunningService } from '@signaalhub/test-infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller, registration, soestOfficer, startRegistry } from './support/running-registry.js';

/*
 * Issue 11, build 2 and acceptance 6 for establishments: registration with KvK number and vestigingsnummer
 * kept apart and both required, the configured SBI codes only, the people only sealed; the search by KvK
 * number, vestigingsnummer, trade name and postcode. Bad input (400/422 naming field and rule, nothing
 * stored) is in the shared table, test/input-hardening/bad-input.e2e.test.ts.
 */

describe('permit registry establishments', () => {
  let sut: RunningService;
  const officer = soestOfficer();

  beforeAll(async () => {
    sut = await startRegistry();
  });

  afterAll(() => sut.stop());

  async function register(body: Record<string, unknown>): Promise<Response> {
    return sut.call('POST', '/api/establishments', officer, body);
  }

  async function search(query: string): Promise<EstablishmentSummary[]> {
    const response = await sut.get(`/api/establishments?municipality=soest&${query}`, officer);
    expect(response.status).toBe(200);
    return (await response.json()) as EstablishmentSummary[];
  }

  it('registers an establishment and keeps its KvK number and people only sealed', async () => {
    const body = registration({ tradeName: 'Garage Zonnehoek', people: [{ name: 'Kanarie Distelvink', birthDate: '1971-02-03', role: 'bestuurder' }] });
    const response = await register(body);
    expect(response.status).toBe(201);
    const created = (await response.json()) as EstablishmentSummary;
    expect(created).toMatchObject({ municipality: 'soest', tradeName: 'Garage Zonnehoek', vestigingsnummer: body.vestigingsnummer, address: { postcode: '3762AB', huisnummer: 12, toevoeging: 'A' } });
    expect(created).not.toHaveProperty('people');
    expect(created).not.toHaveProperty('kvkNumber');

    const stored = await sut.pool.query(`SELECT * FROM "${sut.schema}".establishments WHERE id = $1`, [created.id]);
    const row = JSON.stringify(stored.rows[0]);
    expect(row).toContain('-----BEGIN PGP MESSAGE-----');
    for (const secret of ['Kanarie', 'Distelvink', '1971-02-03', String(body.kvkNumber)]) expect(row).not.toContain(secret);

    const opened = await sut.get(`/api/establishments/${created.id}`, officer);
    expect(opened.status).toBe(200);
    expect((await opened.json()) as EstablishmentDetail).toMatchObject({
      id: created.id,
      kvkNumber: body.kvkNumber,
      people: [{ name: 'Kanarie Distelvink', birthDate: '1971-02-03', role: 'bestuurder' }],
    });
    expect(await sut.auditEntries({ userId: officer.userId, action: 'establishment.open', result: 'allowed' })).toMatchObject([{ object_id: created.id }]);
  });

  it('finds an establishment by KvK number, vestigingsnummer, part of the trade name and postcode, and no other', async () => {
    const body = registration({ tradeName: 'Autohandel De Wielewaal & Zn', address: { postcode: '3768 GH', huisnummer: 7 } });
    const created = (await (await register(body)).json()) as EstablishmentSummary;
    const other = (await (await register(registration())).json()) as EstablishmentSummary;
    const ids = (found: EstablishmentSummary[]): string[] => found.map((entry) => entry.id);

    expect(ids(await search(`kvkNumber=${String(body.kvkNumber)}`))).toEqual([created.id]);
    expect(ids(await search(`vestigingsnummer=${String(body.vestigingsnummer)}`))).toEqual([created.id]);
    expect(ids(await search(`tradeName=${encodeURIComponent('de wielewaal &')}`))).toEqual([created.id]);
    const byPostcode = ids(await search('postcode=3768gh'));
    expect(byPostcode).toContain(created.id);
    expect(byPostcode).not.toContain(other.id);
    // A LIKE wildcard is searched for as written.
    expect(ids(await search(`tradeName=${encodeURIComponent('%%')}`))).toEqual([]);
  });

  it('refuses a second registration of the same vestigingsnummer with 409', async () => {
    const body = registration();
    expect((await register(body)).status).toBe(201);
    const again = await register({ ...body, tradeName: 'Andere naam' });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: 'conflict', message: expect.stringMatching(/staat al in het register/) as unknown });
  });

  it("refuses Baarn's permit officer Soest's establishments, and audits it", async () => {
    const baarn = caller('gemeente-baarn', ['permit-officer']);
    const response = await sut.get('/api/establishments?municipality=soest', baarn);
    expect(response.status).toBe(403);
    expect(await sut.auditEntries({ userId: baarn.userId, result: 'denied' })).toMatchObject([{ action: 'establishment.search', reason: 'other-municipality' }]);
  });
});
