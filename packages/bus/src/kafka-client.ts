import { Kafka, type KafkaConfig } from 'kafkajs';
import { ignoreKafkajsNegativeTimeoutWarning } from './kafkajs-timeout-warning.js';

/** Every kafkajs client of the bus is made here, so kafkajs' known Node 24 warning is handled once. */
export function createKafkaClient(config: KafkaConfig): Kafka {
  ignoreKafkajsNegativeTimeoutWarning();
  return new Kafka(config);
}
