import { KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { fencedProducerError } from '../src/bus-producer.js';

function protocolError(type: string): KafkaJSProtocolError {
  const error = new KafkaJSProtocolError('broker said no');
  Object.assign(error, { type });
  return error;
}

describe(fencedProducerError.name, () => {
  it('recognises an out-of-order sequence number, the answer after a broker lost the producer state', () => {
    expect(fencedProducerError(protocolError('OUT_OF_ORDER_SEQUENCE_NUMBER'))).toBe('OUT_OF_ORDER_SEQUENCE_NUMBER');
  });

  it('recognises it when kafkajs wrapped it after its retries', () => {
    expect(fencedProducerError(new KafkaJSNumberOfRetriesExceeded(protocolError('UNKNOWN_PRODUCER_ID'), { retryCount: 5, retryTime: 3000 }))).toBe('UNKNOWN_PRODUCER_ID');
  });

  it('leaves other errors to the ordinary retry', () => {
    expect(fencedProducerError(protocolError('NOT_LEADER_FOR_PARTITION'))).toBeUndefined();
    expect(fencedProducerError(new Error('connection refused'))).toBeUndefined();
  });
});
