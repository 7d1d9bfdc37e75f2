import { killKafka, startKafka } from '@signaalhub/stack';
import type { KafkaControl, KafkaProcessRef } from './infrastructure.js';

/** Fault injection for the provider in use; an external broker cannot be killed from a test. */
export function kafkaControlFor(ref: KafkaProcessRef): KafkaControl {
  switch (ref.kind) {
    case 'local':
      return {
        kill: () => killKafka({ stackDir: ref.stackDir, kafkaPort: ref.kafkaPort }),
        start: async () => {
          await startKafka({ stackDir: ref.stackDir, kafkaPort: ref.kafkaPort });
        },
      };
    case 'container':
      return containerControl(ref.containerId);
    case 'external':
      throw new Error('The broker is external (KAFKA_BROKERS was set): fault-injection tests need the local stack or Docker');
  }
}

function containerControl(containerId: string): KafkaControl {
  const container = async () => {
    const { getContainerRuntimeClient } = await import('testcontainers');
    const client = await getContainerRuntimeClient();
    return client.container.getById(containerId);
  };
  return {
    kill: async () => {
      await (await container()).kill({ signal: 'SIGKILL' });
    },
    start: async () => {
      await (await container()).start();
    },
  };
}
