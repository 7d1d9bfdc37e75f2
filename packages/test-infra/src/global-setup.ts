import type { TestProject } from 'vitest/node';
import { dockerEngineAnswers } from './docker-engine.js';
import type { TestInfrastructure } from './infrastructure.js';
import { provideLocalProcesses } from './local-process-provider.js';
import { provideContainers } from './testcontainers-provider.js';

declare module 'vitest' {
  export interface ProvidedContext {
    infrastructure: TestInfrastructure;
  }
}

const log = (line: string): void => {
  process.stdout.write(`[test-infra] ${line}\n`);
};

/** Starts the infrastructure once per test run: testcontainers where Docker answers, local processes otherwise. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const choice = process.env.SIGNAALHUB_TEST_PROVIDER ?? 'auto';
  const useContainers = choice === 'testcontainers' || (choice === 'auto' && (await dockerEngineAnswers()));
  let stop = (): Promise<void> => Promise.resolve();
  let infrastructure: TestInfrastructure;
  if (useContainers) {
    const containers = await provideContainers();
    infrastructure = containers.infrastructure;
    stop = () => containers.stop();
  } else {
    // The local stack is left running after the tests, like `npm start` leaves it; `npm run stack:down` stops it.
    infrastructure = await provideLocalProcesses(log);
  }
  log(`provider: ${infrastructure.provider}`);
  log(`Kafka broker: ${infrastructure.kafkaVersion} at ${infrastructure.kafkaBrokers.join(',')}`);
  log(`Redis: ${infrastructure.redisUrl}  PostgreSQL: ${new URL(infrastructure.databaseUrl).host}`);
  project.provide('infrastructure', infrastructure);
  return stop;
}
