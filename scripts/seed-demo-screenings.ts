import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIBOB_QUESTIONNAIRE, DEFAULT_POOL_PARTY, type ScreeningForm } from '@signaalhub/contracts';
import { IDENTITY_HEADER, issueIdentityToken } from '@signaalhub/identity';
import { DEMO_CONFLICTED_COORDINATOR, DEMO_LEAD_COORDINATOR } from '../services/web/src/accounts/demo-coordinators.js';

/*
 * Demo screenings for `npm start`, through the bibob API as the demo coordinators: eight screenings in
 * different phases, one overdue (received 12 weeks ago on an 8-week term) and one waiting for the LBB's
 * advice; the Baarn car trader of the demo signals (KvK 90001234) is screened too. Invented data.
 */

type Phase = 'ontvangen' | 'eigen-onderzoek' | 'aanvulling-gevraagd' | 'lbb-advies-gevraagd' | 'risicoconclusie' | 'advies-bestuursorgaan' | 'afgesloten';

interface DemoScreening {
  readonly form: ScreeningForm;
  readonly phase: Phase;
}

const DAY_MS = 86_400_000;
const daysAgo = (days: number): string => new Date(Date.now() - days * DAY_MS).toISOString().slice(0, 10);

const screening = (
  municipality: string,
  kind: ScreeningForm['kind'],
  kvkNumber: string,
  person: { name: string; birthDate: string; role: string },
  receivedDaysAgo: number,
  phase: Phase,
): DemoScreening => ({
  form: {
    municipality,
    kind,
    applicant: { kvkNumber, vestigingsnummer: `0000${kvkNumber}` },
    people: [person],
    receivedOn: daysAgo(receivedDaysAgo),
    decisionTermWeeks: 8,
  },
  phase,
});

export const DEMO_SCREENINGS: readonly DemoScreening[] = [
  screening('baarn', 'autobranche', '90001234', { name: 'Kees van Dam', birthDate: '1971-03-14', role: 'bestuurder' }, 6, 'ontvangen'),
  screening('soest', 'exploitatievergunning-horeca', '90002345', { name: 'Fatma Yilmaz', birthDate: '1985-09-02', role: 'leidinggevende' }, 14, 'eigen-onderzoek'),
  screening('bunschoten', 'subsidie', '90003456', { name: 'Gerrit Hop', birthDate: '1960-01-20', role: 'aandeelhouder' }, 84, 'eigen-onderzoek'),
  screening('eemnes', 'vastgoedtransactie', '90004567', { name: 'Lotte Brink', birthDate: '1979-11-30', role: 'financier' }, 20, 'aanvulling-gevraagd'),
  screening('de-bilt', 'omgevingsvergunning', '90009012', { name: 'Ruud Veen', birthDate: '1968-05-08', role: 'bestuurder' }, 30, 'lbb-advies-gevraagd'),
  screening('soest', 'drank-en-horecavergunning', '90005678', { name: 'Mila de Boer', birthDate: '1990-07-19', role: 'leidinggevende' }, 35, 'risicoconclusie'),
  screening('baarn', 'exploitatievergunning-horeca', '90006789', { name: 'Pieter Kok', birthDate: '1975-12-01', role: 'bestuurder' }, 45, 'advies-bestuursorgaan'),
  screening('eemnes', 'overig', '90007890', { name: 'Sanne Mol', birthDate: '1982-04-22', role: 'aandeelhouder' }, 60, 'afgesloten'),
];

const ORDER: readonly Phase[] = ['ontvangen', 'eigen-onderzoek', 'aanvulling-gevraagd', 'lbb-advies-gevraagd', 'risicoconclusie', 'advies-bestuursorgaan', 'afgesloten'];
const reached = (target: Phase, phase: Phase): boolean => ORDER.indexOf(target) >= ORDER.indexOf(phase);

/** Posts the demo screenings through the bibob API once per stack (a marker file remembers it). */
export async function seedDemoScreenings(options: { stackDir: string; bibobUrl: string; identitySecret: string }): Promise<number> {
  const marker = join(options.stackDir, 'demo-screenings-seeded');
  if (existsSync(marker)) return 0;
  const call = async (userId: string, method: 'POST' | 'PUT', path: string, body: unknown): Promise<unknown> => {
    const token = await issueIdentityToken({ userId, party: DEFAULT_POOL_PARTY, roles: ['bibob-coordinator'] }, { secret: options.identitySecret });
    const response = await fetch(`${options.bibobUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: token },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`demo screening: ${method} ${path.replace(/[0-9a-f-]{36}/, ':id')} refused with HTTP ${response.status}`);
    return response.json();
  };
  const author = DEMO_LEAD_COORDINATOR;
  for (const { form, phase } of DEMO_SCREENINGS) {
    const { id } = (await call(author, 'POST', '/api/screenings', form)) as { id: string };
    const step = (name: string, daysBack: number): Promise<unknown> =>
      call(author, 'POST', `/api/screenings/${id}/transitions`, { step: name, reason: 'Volgens het draaiboek', date: daysAgo(daysBack) });
    if (phase === 'ontvangen') continue;
    await step('onderzoek-starten', 3);
    if (phase === 'aanvulling-gevraagd') await step('aanvulling-vragen', 2);
    if (phase === 'lbb-advies-gevraagd') await step('lbb-advies-vragen', 2);
    if (!reached(phase, 'risicoconclusie')) continue;
    for (const { item } of BIBOB_QUESTIONNAIRE) {
      await call(author, 'PUT', `/api/screenings/${id}/questionnaire/${item}`, { complete: true, answer: 'Gecontroleerd, geen bijzonderheden.' });
    }
    const conclusion = { level: 'geen-gevaar', explanation: 'Geen aanwijzingen voor gevaar gevonden.' };
    await call(author, 'POST', `/api/screenings/${id}/conclusions`, { conclusion, reason: 'Onderzoek afgerond' });
    if (!reached(phase, 'advies-bestuursorgaan')) continue;
    await call(DEMO_CONFLICTED_COORDINATOR, 'POST', `/api/screenings/${id}/conclusions/1/approval`, { reason: 'Akkoord (vier ogen)' });
    if (phase === 'afgesloten') await step('afsluiten', 0);
  }
  writeFileSync(marker, `${new Date().toISOString()}\n`);
  return DEMO_SCREENINGS.length;
}
