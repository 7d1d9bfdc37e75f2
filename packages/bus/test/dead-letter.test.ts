import { describe, expect, it } from 'vitest';
import { deadLetterOf, deadLetterTopic, DeadLetterHeaders, MAX_REASON_LENGTH } from '../src/index.js';
import { describeFailure } from '../src/dead-letter.js';

describe(deadLetterTopic.name, () => {
  it('appends .dlq to the topic name', () => {
    expect(deadLetterTopic('signaalhub.signal.submitted.v1')).toBe('signaalhub.signal.submitted.v1.dlq');
  });
});

describe(describeFailure.name, () => {
  it('names the error class and message', () => {
    expect(describeFailure(new TypeError('bad header digest'))).toBe('TypeError: bad header digest');
  });

  it('truncates a long message to the maximum reason length', () => {
    const sut = describeFailure(new Error('x'.repeat(10_000)));

    expect(sut).toHaveLength(MAX_REASON_LENGTH);
    expect(sut.endsWith('…')).toBe(true);
  });

  it('describes a non-Error rejection such as Nest error objects', () => {
    expect(describeFailure({ status: 'error', message: 'Internal server error' })).toBe(
      'NonError: {"status":"error","message":"Internal server error"}',
    );
  });
});

describe(deadLetterOf.name, () => {
  const source = {
    topic: 'signaalhub.decision.recorded.v1',
    partition: 2,
    offset: '41',
    key: 'soest',
    value: Buffer.from('ciphertext'),
    headers: { 'signaalhub-type': 'decision.recorded' },
  };

  it('keeps the original key, value and headers and adds why, where from and how often', () => {
    const failedAt = new Date('2026-01-02T03:04:05.000Z');

    const sut = deadLetterOf(source, new TypeError('bad digest'), 4, failedAt);

    expect(sut.topic).toBe('signaalhub.decision.recorded.v1.dlq');
    expect(sut.message.key).toBe('soest');
    expect(sut.message.value).toBe(source.value);
    expect(sut.message.headers).toEqual({
      'signaalhub-type': 'decision.recorded',
      [DeadLetterHeaders.reason]: 'TypeError: bad digest',
      [DeadLetterHeaders.sourceTopic]: 'signaalhub.decision.recorded.v1',
      [DeadLetterHeaders.sourcePartition]: '2',
      [DeadLetterHeaders.sourceOffset]: '41',
      [DeadLetterHeaders.failedAt]: '2026-01-02T03:04:05.000Z',
      [DeadLetterHeaders.attempts]: '4',
    });
  });

  it('overrides a dead-letter header the original message already carried', () => {
    const sut = deadLetterOf({ ...source, headers: { [DeadLetterHeaders.reason]: 'forged' } }, new Error('real'), 1);

    expect(sut.message.headers[DeadLetterHeaders.reason]).toBe('Error: real');
  });
});
