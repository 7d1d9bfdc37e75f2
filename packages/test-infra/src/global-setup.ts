import { fileURLToPath } from 'node:url';
import { ensurePartyKeys } from '@signaalhub/stack';
import type { TestProject } from 'vitest/node';
import { dockerEngineAnswers } from './docker-engine.js';
import type { Servers, TestInfrastructure } from './infrastructure.js';
import { provideLocalProcesses } from './local-process-provider.js';
import { provideContainers } from './testcontainers-provider.js';

declare module 'vitest' {
  export interface ProvidedContext {
    infrastructure: TestInfrastructure;
  }
}

const TEST_KEYS_DIR = fileURLToPath(new URL('../../../.stack-test/keys', import.meta.url));
const TEST_KEY_PASSPHRASE = 'signaalhub-test-passphrase';
const TEST_IDENTITY_SECRET = 'signaalhub-test-identity-secret-0123456789';

const log = (line: string): void => {
  process.stdout.write(`[test-infra] ${line}\n`);
};

/** Starts the infrastructure once per test run: testcontainers where Docker answers, local processes otherwise. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const choice = process.env.SIGNAALHUB_TEST_PROVIDER ?? 'auto';
  const useContainers = choice === 'testcontainers' || (choice === 'auto' && (await dockerEngineAnswers()));
  let stop = (): Promise<void> => Promise.resolve();
  let servers: Servers;
  if (useContainers) {
    const containers = await provideContainers();
    servers = containers.servers;
    stop = () => containers.stop();
  } else {
    // The test stack is left running for the next run; `STACK_DIR=.stack-test npm run stack:down` stops it.
    servers = await provideLocalProcesses(log);
  }
  // Test keys are made once and kept (git-ignored): key generation is the slow part of a fresh run.
  // Test keys made before the Bibob pool became a default party are made again.
  ensurePartyKeys(TEST_KEYS_DIR, TEST_KEY_PASSPHRASE);
  const infrastructure: TestInfrastructure = {
    ...servers,
    keysDir: TEST_KEYS_DIR,
    keyPassphrase: TEST_KEY_PASSPHRASE,
    identitySecret: TEST_IDENTITY_SECRET,
  };
  log(`provider: ${infrastructure.provider}`);
  log(`Kafka broker: ${infrastructure.kafkaVersion} at ${infrastructure.kafkaBrokers.join(',')}`);
  log(`Redis: ${infrastructure.redisUrl}  PostgreSQL: ${new URL(infrastructure.databaseUrl).host}`);
  project.provide('infrastructure', infrastructure);
  return stop;
}
