import type { EstablishmentDetail, EstablishmentSummary } from '@signaalhub/contracts';
import type { RunningService } from '@signaalhub/test-infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller, registration, soestOfficer, startRegistry } from './support/running-registry.js';

/*
 * Issue 11, build 2 and acceptance 6 for establishments: registration with KvK number and vestigingsnummer
 * kept apart and both required, the configured SBI codes only, the people only sealed; the search by KvK
 * number, vestigingsnummer, trade name and postcode; bad input answered 400/422 naming field and rule,
 * with nothing stored.
 */

interface Problem {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

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

  const BAD: readonly { readonly name: string; readonly body: Record<string, unknown>; readonly status: number; readonly field: string; readonly rule: RegExp }[] = [
    { name: 'a KvK number of 7 digits', body: registration({ kvkNumber: '1234567' }), status: 400, field: 'kvkNumber', rule: /8 digits/ },
    { name: 'no KvK number', body: registration({ kvkNumber: undefined }), status: 400, field: 'kvkNumber', rule: /./ },
    { name: 'a vestigingsnummer of 8 digits', body: registration({ vestigingsnummer: '12345678' }), status: 400, field: 'vestigingsnummer', rule: /12 digits/ },
    { name: 'no vestigingsnummer', body: registration({ vestigingsnummer: undefined }), status: 400, field: 'vestigingsnummer', rule: /./ },
    { name: 'a postcode with SS', body: registration({ address: { postcode: '3762 SS', huisnummer: 1 } }), status: 400, field: 'address.postcode', rule: /postcode/ },
    { name: 'huisnummer 0', body: registration({ address: { postcode: '3762AB', huisnummer: 0 } }), status: 400, field: 'address.huisnummer', rule: /huisnummer/ },
    { name: 'an SBI code of 3 digits', body: registration({ activities: [{ activity: 'handel', sbiCode: '451' }] }), status: 400, field: 'activities.0.sbiCode', rule: /SBI/ },
    { name: 'an unknown activity', body: registration({ activities: [{ activity: 'tanken', sbiCode: '45112' }] }), status: 400, field: 'activities.0.activity', rule: /./ },
    { name: 'an SBI code outside the list', body: registration({ activities: [{ activity: 'handel', sbiCode: '56101' }] }), status: 422, field: 'activities.0.sbiCode', rule: /configuration lists/ },
    { name: 'a listed SBI code for another activity', body: registration({ activities: [{ activity: 'handel', sbiCode: '77110' }] }), status: 422, field: 'activities.0.sbiCode', rule: /configuration lists/ },
    { name: 'no activities', body: registration({ activities: [] }), status: 400, field: 'activities', rule: /./ },
    { name: 'a person without birth date', body: registration({ people: [{ name: 'Jan', role: 'eigenaar' }] }), status: 400, field: 'people.0.birthDate', rule: /./ },
    { name: 'a person with an unknown role', body: registration({ people: [{ name: 'Jan', birthDate: '1970-01-01', role: 'koper' }] }), status: 400, field: 'people.0.role', rule: /./ },
    { name: 'an unknown field', body: { ...registration(), extra: 'x' }, status: 400, field: 'extra', rule: /unknown field/ },
  ];

  it.each(BAD)('answers $name with $status naming $field, and stores nothing', async ({ body, status, field, rule }) => {
    const before = await sut.countRows('establishments');
    const response = await register(body);
    expect(response.status).toBe(status);
    const answer = (await response.json()) as { problems: Problem[] };
    const named = answer.problems.find((problem) => problem.field === field);
    expect(named, JSON.stringify(answer)).toBeDefined();
    expect(named?.rule).toMatch(rule);
    expect(named?.message).not.toBe('');
    // Only this test's registrations could have changed the count: none of them succeeded.
    const found = await sut.pool.query(`SELECT 1 FROM "${sut.schema}".establishments WHERE vestigingsnummer = $1`, [String(body.vestigingsnummer)]);
    expect(found.rowCount).toBe(0);
    expect(await sut.countRows('establishments')).toBe(before);
  });

  it('answers a search with a bad KvK number, postcode or an unknown parameter with 400 naming it', async () => {
    for (const [query, field] of [
      ['kvkNumber=123', 'kvkNumber'],
      ['postcode=0000AA', 'postcode'],
      ['vestigingsnummer=1', 'vestigingsnummer'],
      ['plaats=Soest', 'plaats'],
    ] as const) {
      const response = await sut.get(`/api/establishments?municipality=soest&${query}`, officer);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as { problems: Problem[] }).problems.map((problem) => problem.field)).toContain(field);
    }
  });

  it("refuses Baarn's permit officer Soest's establishments, and audits it", async () => {
    const baarn = caller('gemeente-baarn', ['permit-officer']);
    const response = await sut.get('/api/establishments?municipality=soest', baarn);
    expect(response.status).toBe(403);
    expect(await sut.auditEntries({ userId: baarn.userId, result: 'denied' })).toMatchObject([{ action: 'establishment.search', reason: 'other-municipality' }]);
  });
});
