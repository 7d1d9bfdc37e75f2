import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importSignals } from '@signaalhub/cli';
import { issueIdentityToken } from '@signaalhub/identity';
import { demoHistory } from './demo-history.js';

/** The hub's admin of the demo accounts (services/web/src/accounts/demo-accounts.ts): the import is theirs. */
const DEMO_ADMIN = { userId: 'beheer', party: 'riec-mn', roles: ['admin' as const] };

/**
 * Imports a year of demo history through the intake's historical import, as the demo admin. Idempotent: the
 * first start's day is kept in the stack directory, so every start generates the same rows and the intake
 * imports none of them twice. Resolves how many were imported now.
 */
export async function seedDemoHistory(options: { stackDir: string; intakeUrl: string; identitySecret: string }): Promise<number> {
  const anchorFile = join(options.stackDir, 'demo-history-anchor');
  if (!existsSync(anchorFile)) writeFileSync(anchorFile, `${new Date().toISOString().slice(0, 10)}\n`);
  const anchorDay = readFileSync(anchorFile, 'utf8').trim();
  const identityToken = await issueIdentityToken(DEMO_ADMIN, { secret: options.identitySecret });
  const summary = await importSignals(demoHistory(anchorDay), { intakeUrl: options.intakeUrl, identityToken });
  return summary.imported;
}
