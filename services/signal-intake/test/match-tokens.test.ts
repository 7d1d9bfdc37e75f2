import { SignalSubmission } from '@signaalhub/contracts';
import { describe, expect, it } from 'vitest';
import { matchTokensOf } from '../src/signals/match-tokens.js';
import { goodSubmission } from './support/submissions.js';

const key = { version: 1, secret: new Uint8Array(32).fill(3) };

describe(matchTokensOf.name, () => {
  it('makes one token per kind of identifier in the signal', () => {
    const tokens = matchTokensOf(SignalSubmission.parse(goodSubmission()), key);
    expect(tokens.map((token) => token.kind)).toEqual(['address', 'kvk', 'person', 'kenteken']);
  });

  it('gives equal tokens for the same identifier however it was typed', () => {
    const typed = matchTokensOf(SignalSubmission.parse(goodSubmission({ subjects: [{ kind: 'vehicle', kenteken: 'qz-123-x' }] })), key);
    const canonical = matchTokensOf(SignalSubmission.parse(goodSubmission({ subjects: [{ kind: 'vehicle', kenteken: 'QZ123X' }] })), key);
    expect(typed).toEqual(canonical);
  });

  it('dedupes the same identifier named twice', () => {
    const twice = goodSubmission({ subjects: [{ kind: 'business', kvkNumber: '12345678' }, { kind: 'business', kvkNumber: '1234 5678' }] });
    expect(matchTokensOf(SignalSubmission.parse(twice), key).filter((token) => token.kind === 'kvk')).toHaveLength(1);
  });
});
