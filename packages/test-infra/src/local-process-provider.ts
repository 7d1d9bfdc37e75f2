import { stackUp } from '@signaalhub/stack';
import type { Servers } from './infrastructure.js';

/** The local stack (KRaft broker from Maven artifacts, private Redis and PostgreSQL), shared with `npm start`. */
export async function provideLocalProcesses(log: (line: string) => void): Promise<Servers> {
  const settings = await stackUp({ log });
  return {
    provider: 'local-processes',
    kafkaBrokers: settings.kafkaBrokers,
    kafkaVersion: settings.kafkaVersion,
    redisUrl: settings.redisUrl,
    databaseUrl: settings.databaseUrl,
  };
}
