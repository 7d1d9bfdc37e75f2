import { fileURLToPath } from 'node:url';
import { stackUp } from '@signaalhub/stack';
import type { Servers } from './infrastructure.js';

/**
 * A stack of its own for tests (other directory and ports than `npm start`'s), so test messages on the
 * shared topics never reach a person's demo and a demo never disturbs a test run. It stays running
 * between runs; `STACK_DIR=.stack-test npm run stack:down` stops it. `TEST_STACK_PORT_SHIFT` moves all
 * four ports, so two checkouts on one machine (e.g. two worktrees) can run their tests side by side.
 */
const portShift = Number(process.env.TEST_STACK_PORT_SHIFT ?? '0');
if (!Number.isInteger(portShift) || portShift < 0 || portShift > 1000) {
  throw new Error('TEST_STACK_PORT_SHIFT must be a whole number from 0 to 1000');
}

export const TEST_STACK = {
  stackDir: fileURLToPath(new URL('../../../.stack-test', import.meta.url)),
  kafkaPort: 19192 + portShift,
  kafkaControllerPort: 19193 + portShift,
  redisPort: 16479 + portShift,
  postgresPort: 15532 + portShift,
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
