import { describe, expect, it } from 'vitest';
import { INPUT_RULES } from '@signaalhub/service-kit';
import { text, texts } from '../src/forms/form-body.js';
import { InvalidFormInput } from '../src/forms/invalid-form-input.js';

function refusal(read: () => unknown): unknown {
  try {
    read();
  } catch (error) {
    return error instanceof InvalidFormInput ? error.problems : error;
  }
  return undefined;
}

describe(text.name, () => {
  it('reads one value, and an absent field as empty', () => {
    expect(text({ approach: 'fiscaal' }, 'approach')).toBe('fiscaal');
    expect(text({}, 'approach')).toBe('');
  });

  it('refuses a repeated field instead of reading its first value', () => {
    expect(refusal(() => text({ approach: ['fiscaal', 'zorg'] }, 'approach'))).toEqual([{ field: 'approach', ...INPUT_RULES.repeated }]);
  });

  it('refuses a nested field instead of reading it as empty', () => {
    expect(refusal(() => text({ approach: { a: 'fiscaal' } }, 'approach'))).toEqual([{ field: 'approach', ...INPUT_RULES.nested }]);
  });
});

describe(texts.name, () => {
  it('reads every value of a multi-valued field', () => {
    expect(texts({ indicators: ['a', 'b'] }, 'indicators')).toEqual(['a', 'b']);
    expect(texts({ indicators: 'a' }, 'indicators')).toEqual(['a']);
  });

  it('refuses a nested value among them instead of dropping it', () => {
    expect(refusal(() => texts({ indicators: ['a', { b: 'c' }] }, 'indicators'))).toEqual([{ field: 'indicators', ...INPUT_RULES.nested }]);
  });
});
