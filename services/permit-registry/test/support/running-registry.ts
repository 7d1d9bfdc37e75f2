import { randomInt } from 'node:crypto';
import type { EstablishmentRegistration } from '@signaalhub/contracts';
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
