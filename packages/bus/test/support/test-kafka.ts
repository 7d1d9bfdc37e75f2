import { createLogger, type Logger } from '@signaalhub/logging';
import { testInfrastructure } from '@signaalhub/test-infra';

/** The shared broker the integration tier's global set-up started. */
export function testBrokers(): string[] {
  return testInfrastructure().kafkaBrokers;
}

export function testLogger(): Logger {
  return createLogger('bus-test', process.env.BUS_TEST_LOG_LEVEL ?? 'warn');
}
