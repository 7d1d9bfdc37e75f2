import { describe, expect, it } from 'vitest';
import { DEFAULT_DISTRIBUTION_POLICY } from '../src/policy/distribution-policy.js';
import { resolveRecipients } from '../src/policy/resolve-recipients.js';

const sut = (recipients: string[], theme: Parameters<typeof resolveRecipients>[2] = 'autobranche') =>
  resolveRecipients(DEFAULT_DISTRIBUTION_POLICY, 'soest', theme, recipients);

describe(resolveRecipients.name, () => {
  it('accepts the default recipients, own municipality first', () => {
    expect(sut(['politie-bes', 'gemeente-soest', 'riec-mn'])).toEqual({ ok: true, recipients: ['gemeente-soest', 'politie-bes', 'riec-mn'] });
  });

  it('accepts a narrowed list that keeps the own municipality', () => {
    expect(sut(['gemeente-soest'])).toEqual({ ok: true, recipients: ['gemeente-soest'] });
  });

  it('accepts widening to a party the policy allows for the theme', () => {
    expect(sut(['gemeente-soest', 'belastingdienst'], 'horeca')).toEqual({ ok: true, recipients: ['gemeente-soest', 'belastingdienst'] });
    expect(sut(['gemeente-soest', 'om-mn'], 'mensenhandel')).toEqual({ ok: true, recipients: ['gemeente-soest', 'om-mn'] });
  });

  it('rejects widening to a party the policy does not allow for the theme, naming distribution.recipients', () => {
    const result = sut(['gemeente-soest', 'om-mn'], 'horeca');
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          field: 'distribution.recipients',
          rule: 'om-mn is not an allowed recipient for theme horeca under the distribution policy',
          message: expect.stringContaining('om-mn') as unknown,
        },
      ],
    });
  });

  it('rejects another municipality as recipient', () => {
    expect(sut(['gemeente-soest', 'gemeente-baarn']).ok).toBe(false);
  });

  it('rejects a list without the own municipality', () => {
    const result = sut(['politie-bes', 'riec-mn']);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]?.rule).toBe('must include the reporting municipality gemeente-soest');
  });
});
