import { describe, expect, it } from 'vitest';
import { deadLetterTopic, MAX_REASON_LENGTH } from '../src/index.js';
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
