// Runs each benchmark as its own process against the local stack; each merges its figures into
// .bench/latest.json under its own key. The file is reset first so it holds this run only.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { stackUp } from '@signaalhub/stack';

const BENCHMARKS = [
  'packages/bus/bench/bus-throughput.bench.ts',
  'packages/envelope/bench/envelope.bench.ts',
  'bench/seal-bus-open.bench.ts',
  'bench/intake-to-agenda.bench.ts',
  'bench/bibob-pool.bench.ts',
  'bench/public-register.bench.ts',
  'bench/riec-feed.bench.ts',
  'bench/riec-feed-ingest.bench.ts',
];

const settings = await stackUp({ log: (line) => process.stdout.write(`${line}\n`) });
mkdirSync('.bench', { recursive: true });
writeFileSync('.bench/latest.json', `${JSON.stringify({ startedAt: new Date().toISOString(), kafka: settings.kafkaVersion }, null, 2)}\n`);

let failed = false;
for (const benchmark of BENCHMARKS) {
  process.stdout.write(`\n=== ${benchmark}\n`);
  const result = spawnSync('npx', ['tsx', '--conditions=source', benchmark], {
    stdio: 'inherit',
    env: {
      ...process.env,
      KAFKA_BROKERS: settings.kafkaBrokers.join(','),
      REDIS_URL: settings.redisUrl,
      DATABASE_URL: settings.databaseUrl,
    },
  });
  if (result.status !== 0) failed = true;
}
process.stdout.write('\nFigures: .bench/latest.json\n');
process.exit(failed ? 1 : 0);
