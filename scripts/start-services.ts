// `npm start`: the local stack, then every service in the foreground until Ctrl-C.
import { spawn, type ChildProcess } from 'node:child_process';
import { stackUp } from '@signaalhub/stack';
import { SERVICES } from './services.js';

const READY_DEADLINE_MS = 60_000;

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
const env = {
  ...process.env,
  KAFKA_BROKERS: settings.kafkaBrokers.join(','),
  REDIS_URL: settings.redisUrl,
  DATABASE_URL: settings.databaseUrl,
};
const children: ChildProcess[] = [];
const stopAll = (): void => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);

for (const service of SERVICES) {
  const child = spawn(process.execPath, [service.entry], {
    env: { ...env, [service.portVariable]: String(service.port) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.push(child);
  await waitUntilReady(`http://127.0.0.1:${service.port}/health/ready`, child);
  say(`${service.name}: http://127.0.0.1:${service.port}  (API docs: http://127.0.0.1:${service.port}/api/docs)`);
}
say(`Kafka ${settings.kafkaBrokers.join(',')} (${settings.kafkaVersion}) · Redis ${settings.redisUrl} · PostgreSQL ${settings.databaseUrl}`);
say('Signaalhub draait. Ctrl-C stopt de services; `npm run stack:down` stopt Kafka, Redis en PostgreSQL.');
await Promise.all(children.map((child) => new Promise((resolve) => child.once('exit', resolve))));
