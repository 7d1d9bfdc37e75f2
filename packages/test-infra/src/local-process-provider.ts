import { fileURLToPath } from 'node:url';
import { stackUp } from '@signaalhub/stack';
import type { Servers } from './infrastructure.js';

/**
 * A stack of its own for tests (other directory and ports than `npm start`'s), so test messages on the
 * shared topics never reach a person's demo and a demo never disturbs a test run. It stays running
 * between runs; `STACK_DIR=.stack-test npm run stack:down` stops it.
 */
export const TEST_STACK = {
  stackDir: fileURLToPath(new URL('../../../.stack-test', import.meta.url)),
  kafkaPort: 19192,
  kafkaControllerPort: 19193,
  redisPort: 16479,
  postgresPort: 15532,
};

export async function provideLocalProcesses(log: (line: string) => void): Promise<Servers> {
  const settings = await stackUp({ ...TEST_STACK, log });
  return {
    provider: 'local-processes',
    kafkaBrokers: settings.kafkaBrokers,
    kafkaVersion: settings.kafkaVersion,
    redisUrl: settings.redisUrl,
    databaseUrl: settings.databaseUrl,
  };
}
