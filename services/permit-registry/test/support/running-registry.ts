import { randomInt } from 'node:crypto';
import type { ApplicationSummary, EstablishmentRegistration, EstablishmentSummary } from '@signaalhub/contracts';
import type { UserIdentity } from '@signaalhub/identity';
import { RunningService, serviceEnv, testCaller, uniqueName } from '@signaalhub/test-infra';

/** The permit registry's complete environment for a test: its own schema and replay namespace. */
export function registryEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return serviceEnv({
    PERMIT_REGISTRY_DATABASE_SCHEMA: uniqueName('permits').replace(/-/g, '_'),
    PERMIT_REGISTRY_REPLAY_NAMESPACE: uniqueName('permits'),
    ...overrides,
  });
}

/** The compiled permit registry, ready. */
export function startRegistry(overrides: Record<string, string> = {}): Promise<RunningService> {
  return RunningService.start('permit-registry', registryEnv(overrides), { schemaVariable: 'PERMIT_REGISTRY_DATABASE_SCHEMA' });
}

/** The environment a stopped registry ran with (its schema and namespace), without its port: to start it again. */
export function envOf(service: RunningService): Record<string, string> {
  const { PERMIT_REGISTRY_PORT: _port, ...env } = service.env;
  return env;
}

export { testCaller as caller } from '@signaalhub/test-infra';

/** A permit officer of Soest, the default registry. */
export const soestOfficer = (userId?: string): UserIdentity => testCaller('gemeente-soest', ['permit-officer'], userId);

const digits = (length: number): string => Array.from({ length }, () => String(randomInt(10))).join('');

/** A fresh KvK number (8 digits) and vestigingsnummer (12 digits), so tests never collide on the shared database. */
export const randomKvkNumber = (): string => digits(8);
export const randomVestigingsnummer = (): string => digits(12);

/** A good registration for Soest; `overrides` replace top-level fields. */
export function registration(overrides: Partial<Record<keyof EstablishmentRegistration, unknown>> = {}): Record<string, unknown> {
  return {
    municipality: 'soest',
    kvkNumber: randomKvkNumber(),
    vestigingsnummer: randomVestigingsnummer(),
    tradeName: `Autobedrijf ${uniqueName('proef')}`,
    address: { postcode: '3762 AB', huisnummer: 12, toevoeging: 'a' },
    activities: [
      { activity: 'handel', sbiCode: '45112' },
      { activity: 'reparatie', sbiCode: '45201' },
    ],
    people: [{ name: 'Jan de Proef', birthDate: '1975-04-03', role: 'eigenaar' }],
    ...overrides,
  };
}

/**
 * A new establishment (`tradeName`) with an application received on `receivedOn`, whose permit `officer` takes
 * through `steps` (a grant gets `permitNumber`); throws naming the step that did not answer 200. Answers the permit id.
 */
export async function permitThrough(
  sut: RunningService,
  officer: UserIdentity,
  permit: { tradeName: string; receivedOn: string; permitNumber: string; steps: readonly Record<string, unknown>[] },
): Promise<string> {
  const establishment = (await (await sut.call('POST', '/api/establishments', officer, registration({ tradeName: permit.tradeName }))).json()) as EstablishmentSummary;
  const created = await sut.call('POST', '/api/applications', officer, { establishmentId: establishment.id, kind: 'nieuw', receivedOn: permit.receivedOn });
  if (created.status !== 201) throw new Error(`${permit.tradeName}: application answered ${String(created.status)}: ${await created.text()}`);
  const { permitId } = (await created.json()) as ApplicationSummary;
  for (const step of permit.steps) {
    const body = step.action === 'verlenen' ? { ...step, permitNumber: permit.permitNumber } : step;
    const response = await sut.call('POST', `/api/permits/${permitId}/actions`, officer, body);
    if (response.status !== 200) throw new Error(`${permit.tradeName} ${String(step.action)}: ${String(response.status)} ${await response.text()}`);
  }
  return permitId;
}
