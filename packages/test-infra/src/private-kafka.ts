import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killKafka, stackDown, startKafka } from '@signaalhub/stack';
import { freePort } from './free-port.js';

/** A broker of the test's own, for fault injection that must not disturb tests sharing the common broker. */
export interface PrivateKafka {
  readonly brokers: string[];
  /** SIGKILL the broker process: no clean shutdown, no flush. */
  kill(): Promise<void>;
  /** Start it again on the same port and data; resolves once it answers a metadata request. */
  start(): Promise<void>;
  /** Stop it and delete its data. */
  dispose(): Promise<void>;
}

/**
 * Always a local JVM process (also where Docker answers): killing a process with SIGKILL is exactly the
 * fault under test, and a container restart would change its port.
 */
export async function startPrivateKafka(): Promise<PrivateKafka> {
  const stackDir = mkdtempSync(join(tmpdir(), 'signaalhub-private-kafka-'));
  const [kafkaPort, kafkaControllerPort] = [await freePort(), await freePort()];
  // `env: {}` so a KAFKA_BROKERS in the developer's shell cannot redirect the private broker.
  const options = { stackDir, kafkaPort, kafkaControllerPort, env: {} };
  await startKafka(options);
  return {
    brokers: [`127.0.0.1:${kafkaPort}`],
    kill: () => killKafka(options),
    start: () => startKafka(options),
    dispose: async () => {
      await stackDown(options);
      rmSync(stackDir, { recursive: true, force: true });
    },
  };
}
