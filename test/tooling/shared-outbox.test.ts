import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const servicesDir = fileURLToPath(new URL('../../services', import.meta.url));

/**
 * The TypeScript sources of every service, as [path relative to services/, text]. A service's shipped
 * migrations are history (the outbox table as it was created, never edited), so they are left out.
 */
function serviceSources(): [string, string][] {
  return readdirSync(servicesDir, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.split(/[\\/]/)[1] === 'src' && path.endsWith('.ts') && !path.endsWith('database/migrations.ts'))
    .map((path) => [path, readFileSync(join(servicesDir, path), 'utf8')]);
}

/** What only `@signaalhub/outbox` may define: the table, the claim, the wake-up, the relay's parts. */
const OWN_OUTBOX_MECHANISM = [
  /CREATE TABLE[^;(]*\.outbox\b/i,
  /FOR UPDATE SKIP LOCKED/i,
  /\bpg_notify\b|\bLISTEN\s/,
  /class\s+\w*Outbox\w*(Relay|Writer|Source|Publisher|Notifications)\b/,
];

describe('the shared outbox', () => {
  it('is the only outbox: no service defines its own table, claim, wake-up or relay', () => {
    const offenders = serviceSources()
      .filter(([, text]) => OWN_OUTBOX_MECHANISM.some((pattern) => pattern.test(text)))
      .map(([path]) => path);
    expect(offenders).toEqual([]);
  });

  it('is imported from @signaalhub/outbox by every service that publishes', () => {
    const importers = new Set(
      serviceSources()
        .filter(([, text]) => text.includes("from '@signaalhub/outbox'"))
        .map(([path]) => path.split(/[\\/]/)[0]),
    );
    expect([...importers].sort()).toEqual(['meeting', 'signal-intake']);
  });
});
