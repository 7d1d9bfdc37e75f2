// `npm start`: the local stack, party keys, every service and the web application, demo data; runs in the
// foreground until Ctrl-C.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ensurePartyKeys, readServicesManifest, stackUp } from '@signaalhub/stack';
import { DEMO_ACCOUNTS } from '../services/web/src/accounts/demo-accounts.js';
import { demoCoordinatorPool } from '../services/web/src/accounts/demo-coordinators.js';
import { localSecret } from './local-secrets.js';
import { seedDemoHistory } from './seed-demo-history.js';
import { DEMO_PERMIT_OFFICER, seedDemoPermits } from './seed-demo-permits.js';
import { seedDemoScreenings } from './seed-demo-screenings.js';
import { seedDemoSignals } from './seed-demo-signals.js';

const READY_DEADLINE_MS = 90_000;
const SERVICES = readServicesManifest();
const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'Signaalhub-demo-2026';

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

async function waitUntilReady(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_DEADLINE_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`not ready within ${READY_DEADLINE_MS} ms`);
}

const settings = await stackUp({ log: say });
const keysDir = join(settings.stackDir, 'keys');
const keyPassphrase = process.env.HUB_KEY_PASSPHRASE ?? localSecret(settings.stackDir, 'key-passphrase');
ensurePartyKeys(keysDir, keyPassphrase);
const identitySecret = process.env.IDENTITY_TOKEN_SECRET ?? localSecret(settings.stackDir, 'identity-token');
const urlOf = (name: string): string => `http://127.0.0.1:${SERVICES.find((service) => service.name === name)?.port ?? 0}`;

const env = {
  ...process.env,
  KAFKA_BROKERS: settings.kafkaBrokers.join(','),
  REDIS_URL: settings.redisUrl,
  DATABASE_URL: settings.databaseUrl,
  KEYS_DIR: keysDir,
  HUB_KEY_PASSPHRASE: keyPassphrase,
  IDENTITY_TOKEN_SECRET: identitySecret,
  // Every service's address, for the services that call it (the web application).
  ...Object.fromEntries(SERVICES.flatMap((service) => (service.urlVariable === undefined ? [] : [[service.urlVariable, urlOf(service.name)]]))),
  // The demo coordinator pool, matching the coordinator accounts (one absent, one with a conflict).
  BIBOB_COORDINATORS: process.env.BIBOB_COORDINATORS ?? JSON.stringify(demoCoordinatorPool(new Date())),
  SEED_DEMO_USERS: 'true',
  DEMO_PASSWORD,
};
const children: ChildProcess[] = [];
const stopAll = (): void => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);

try {
  for (const service of SERVICES) {
    const child = spawn(process.execPath, [join('services', service.name, 'dist', 'main.js')], {
      env: { ...env, [service.portVariable]: String(service.port) },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    children.push(child);
    await waitUntilReady(`http://127.0.0.1:${service.port}/health/live`, child);
    say(`${service.name} draait op http://127.0.0.1:${service.port}`);
  }
  const seeded = await seedDemoSignals({ stackDir: settings.stackDir, intakeUrl: urlOf('signal-intake'), identitySecret });
  if (seeded > 0) say(`${seeded} demomeldingen ingediend`);
  // Opt-in: the meeting does not yet tell imported history from new signals, so a year of it would fill
  // every municipality's agenda (issue 12 note).
  if (process.env.DEMO_HISTORY === '1') {
    const history = await seedDemoHistory({ stackDir: settings.stackDir, intakeUrl: urlOf('signal-intake'), identitySecret });
    if (history > 0) say(`${history} demomeldingen van het afgelopen jaar geïmporteerd (historische import)`);
  }
  const screenings = await seedDemoScreenings({ stackDir: settings.stackDir, bibobUrl: urlOf('bibob'), identitySecret });
  if (screenings > 0) say(`${screenings} demo-Bibob-toetsen vastgelegd`);
  const permits = await seedDemoPermits({ stackDir: settings.stackDir, registryUrl: urlOf('permit-registry'), identitySecret });
  if (permits > 0) say(`${permits} demovestigingen in het vergunningenregister van Soest ingeschreven`);
} catch (error) {
  stopAll();
  throw error;
}

say('');
say(`Signaalhub draait. Open ${urlOf('web')}/ en meld u aan.`);
say(`Demo-accounts (wachtwoord: ${DEMO_PASSWORD}):`);
for (const account of DEMO_ACCOUNTS) say(`  ${account.id.padEnd(22)} ${account.displayName}`);
say(`RIEC-contactpersoon (regionaal beeld, kruisende treffers): riec.liaison`);
say(`Vergunningverlener Soest (vergunningenregister autobranche): ${DEMO_PERMIT_OFFICER}`);
say(`Openbaar register Soest: ${urlOf('web')}/openbaar-register/soest`);
say('Ctrl-C stopt de services; `npm run stack:down` stopt Kafka, Redis en PostgreSQL.');
await Promise.all(children.map((child) => new Promise((resolve) => child.once('exit', resolve))));
