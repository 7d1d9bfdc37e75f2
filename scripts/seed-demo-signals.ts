import { randomUUID } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDEMPOTENCY_KEY_HEADER } from '@signaalhub/contracts';
import { IDENTITY_HEADER, issueIdentityToken } from '@signaalhub/identity';
import { DEMO_SIGNALS } from './demo-signals.js';

/** Posts the demo signals through the intake API once per stack (a marker file remembers it). */
export async function seedDemoSignals(options: { stackDir: string; intakeUrl: string; identitySecret: string }): Promise<number> {
  const marker = join(options.stackDir, 'demo-signals-seeded');
  if (existsSync(marker)) return 0;
  for (const signal of DEMO_SIGNALS) {
    const token = await issueIdentityToken(
      { userId: `inspecteur.${signal.municipality}`, party: `gemeente-${signal.municipality}`, roles: ['inspector'] },
      { secret: options.identitySecret },
    );
    const response = await fetch(`${options.intakeUrl}/api/signals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: token, [IDEMPOTENCY_KEY_HEADER]: randomUUID() },
      body: JSON.stringify(signal),
    });
    if (response.status !== 201) throw new Error(`demo signal for ${signal.municipality} refused with HTTP ${response.status}`);
  }
  writeFileSync(marker, `${new Date().toISOString()}\n`);
  return DEMO_SIGNALS.length;
}
