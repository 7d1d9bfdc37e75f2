import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApplicationSummary, EstablishmentRegistration, EstablishmentSummary, PermitActionRequest } from '@signaalhub/contracts';
import { IDENTITY_HEADER, issueIdentityToken } from '@signaalhub/identity';

/*
 * Demo data of Soest's autobranche permit registry for `npm start`, through the registry's API as Soest's
 * permit officer (so its events and audit are real): ten establishments with permits in every status, one
 * application waiting for the Bibob pool, and Eemland Occasions with the KvK number of the Baarn/Soest demo
 * signals (scripts/demo-signals.ts), so the registry flags it. All names, numbers and addresses are invented.
 */

export const DEMO_PERMIT_OFFICER = 'vergunning.soest';
/** The KvK number of the Baarn/Soest demo signals: the registry flags this establishment. */
export const DEMO_SIGNALLED_KVK = '90001234';

type Outcome = 'aangevraagd' | 'aanvulling-gevraagd' | 'bibob-gevraagd' | 'verleend' | 'geweigerd' | 'geschorst' | 'ingetrokken' | 'vervallen';

interface DemoEstablishment {
  readonly registration: Omit<EstablishmentRegistration, 'municipality'>;
  readonly outcome: Outcome;
}

const DAY_MS = 86_400_000;
const daysFromNow = (days: number): string => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

const establishment = (
  tradeName: string,
  kvkNumber: string,
  postcode: string,
  huisnummer: number,
  activities: EstablishmentRegistration['activities'],
  person: EstablishmentRegistration['people'][number],
  outcome: Outcome,
): DemoEstablishment => ({
  registration: { kvkNumber, vestigingsnummer: `0000${kvkNumber}`, tradeName, address: { postcode, huisnummer }, activities, people: [person] },
  outcome,
});

const HANDEL = { activity: 'handel', sbiCode: '45112' } as const;
const REPARATIE = { activity: 'reparatie', sbiCode: '45201' } as const;
const SPUITEN = { activity: 'spuiten-schadeherstel', sbiCode: '45202' } as const;
const WASSEN = { activity: 'wassen', sbiCode: '45203' } as const;
const VERHUUR = { activity: 'verhuur', sbiCode: '77110' } as const;
const SLOOP = { activity: 'sloop', sbiCode: '38311' } as const;

export const DEMO_ESTABLISHMENTS: readonly DemoEstablishment[] = [
  establishment('Eemland Occasions', DEMO_SIGNALLED_KVK, '3761AB', 40, [HANDEL], { name: 'Kees van Dam', birthDate: '1971-03-14', role: 'bestuurder' }, 'verleend'),
  establishment('Autobedrijf De Eng', '91000011', '3762AB', 12, [HANDEL, REPARATIE], { name: 'Henk de Eng', birthDate: '1966-02-11', role: 'eigenaar' }, 'verleend'),
  establishment('Garage Soesterberg', '91000022', '3769AA', 5, [REPARATIE], { name: 'Ayla Demir', birthDate: '1984-06-23', role: 'eigenaar' }, 'bibob-gevraagd'),
  establishment('Schadeherstel Birkhoven', '91000033', '3763AC', 88, [SPUITEN], { name: 'Rob Smit', birthDate: '1979-10-02', role: 'bestuurder' }, 'geweigerd'),
  establishment('Wasstraat Soestduinen', '91000044', '3764AD', 3, [WASSEN], { name: 'Nina Bakker', birthDate: '1990-01-17', role: 'leidinggevende' }, 'geschorst'),
  establishment('Soester Autoverhuur', '91000055', '3765AE', 21, [VERHUUR], { name: 'Joost Kramer', birthDate: '1975-08-30', role: 'bestuurder' }, 'ingetrokken'),
  establishment('Autodemontage Klaarwater', '91000066', '3766AF', 150, [SLOOP], { name: 'Wim Mulder', birthDate: '1958-12-05', role: 'eigenaar' }, 'vervallen'),
  establishment('Autohandel Overhees', '91000077', '3767AG', 9, [HANDEL], { name: 'Sara El Idrissi', birthDate: '1988-04-12', role: 'eigenaar' }, 'aanvulling-gevraagd'),
  establishment('Bandenservice Smitsveen', '91000088', '3768AH', 31, [REPARATIE], { name: 'Tom Visser', birthDate: '1982-09-09', role: 'leidinggevende' }, 'aangevraagd'),
  establishment('Klassiekers Hart van Soest', '91000099', '3762AK', 7, [HANDEL, REPARATIE], { name: 'Eva Dekker', birthDate: '1973-05-28', role: 'bestuurder' }, 'verleend'),
];

type Call = (method: 'GET' | 'POST', path: string, body?: unknown) => Promise<unknown>;

/** The permit's actions that bring a granted, refused, suspended, revoked or lapsed permit where the demo wants it. */
async function decide(call: Call, permitId: string, outcome: Outcome, index: number): Promise<void> {
  const act = (request: PermitActionRequest): Promise<unknown> => call('POST', `/api/permits/${permitId}/actions`, request);
  const why = 'Demo: volgens het draaiboek';
  if (outcome === 'geweigerd') {
    await act({ action: 'zienswijze-vragen', date: daysFromNow(-40), reason: why });
    await act({ action: 'zienswijze-ontvangen', date: daysFromNow(-30), reason: 'Zienswijze per brief ontvangen' });
    await act({ action: 'weigeren', date: daysFromNow(-25), reason: 'Niet voldaan aan de eisen van de APV' });
    return;
  }
  const grant: PermitActionRequest = {
    action: 'verlenen',
    date: daysFromNow(-60),
    permitNumber: `SOEST-AB-2026-${String(index + 1).padStart(3, '0')}`,
    validFrom: daysFromNow(-60),
    validUntil: outcome === 'vervallen' ? daysFromNow(-2) : daysFromNow(5 * 365),
    conditions: [],
    reason: 'Aanvraag volledig en getoetst',
  };
  await act(grant);
  if (outcome === 'geschorst') await act({ action: 'schorsen', date: daysFromNow(-5), from: daysFromNow(-5), until: daysFromNow(25), reason: 'Administratie ontbrak bij controle' });
  if (outcome === 'ingetrokken') await act({ action: 'intrekken', date: daysFromNow(-3), ground: 'op-verzoek', reason: 'De houder stopt met de verhuur' });
  if (outcome === 'vervallen') await act({ action: 'laten-vervallen', date: daysFromNow(-1), ground: 'geldigheid-verstreken', reason: 'Geldigheidsduur verstreken' });
}

/**
 * Seeds the demo registry once per stack (a marker file remembers it; an establishment already registered
 * is left as it is, so a half-finished earlier run does not stop a second `npm start`).
 */
export async function seedDemoPermits(options: { stackDir: string; registryUrl: string; identitySecret: string }): Promise<number> {
  const marker = join(options.stackDir, 'demo-permits-seeded');
  if (existsSync(marker)) return 0;
  const call: Call = async (method, path, body) => {
    const token = await issueIdentityToken({ userId: DEMO_PERMIT_OFFICER, party: 'gemeente-soest', roles: ['permit-officer'] }, { secret: options.identitySecret });
    const response = await fetch(`${options.registryUrl}${path}`, {
      method,
      headers: { [IDENTITY_HEADER]: token, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`demo permits: ${method} ${path.replace(/[0-9a-f-]{36}/g, ':id').replace(/\?.*$/, '')} refused with HTTP ${response.status}`);
    return response.json();
  };
  let seeded = 0;
  for (const [index, { registration, outcome }] of DEMO_ESTABLISHMENTS.entries()) {
    const existing = (await call('GET', `/api/establishments?municipality=soest&vestigingsnummer=${registration.vestigingsnummer}`)) as EstablishmentSummary[];
    if (existing.length > 0) continue;
    const { id } = (await call('POST', '/api/establishments', { municipality: 'soest', ...registration })) as EstablishmentSummary;
    const receivedOn = daysFromNow(outcome === 'aangevraagd' || outcome === 'aanvulling-gevraagd' || outcome === 'bibob-gevraagd' ? -20 : -90);
    const application = (await call('POST', '/api/applications', { establishmentId: id, kind: 'nieuw', receivedOn, decisionTermWeeks: 8 })) as ApplicationSummary;
    if (outcome === 'aanvulling-gevraagd') {
      await call('POST', `/api/applications/${application.id}/completeness-requests`, { missing: ['Uittreksel handelsregister', 'Plattegrond van het terrein'], date: daysFromNow(-10) });
    } else if (outcome === 'bibob-gevraagd') {
      await call('POST', `/api/applications/${application.id}/screening-request`);
    } else if (outcome !== 'aangevraagd') {
      await decide(call, application.permitId, outcome, index);
    }
    seeded += 1;
  }
  writeFileSync(marker, `${new Date().toISOString()}\n`);
  return seeded;
}
