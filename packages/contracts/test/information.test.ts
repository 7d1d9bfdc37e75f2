import { describe, expect, it } from 'vitest';
import { InformationAnswered, informationAnswerRecipients, InformationRequested, informationRequestRecipients } from '../src/index.js';

const request = {
  requestId: '0d6c1f9e-2f1a-4c3b-9a7e-5b8d7c6e4f21',
  municipality: 'soest',
  object: { kind: 'signal', signalId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', matchTokens: [{ kind: 'kvk', version: 1, token: 'a'.repeat(64) }] },
  requestedBy: { party: 'bibob-pool-bes', userId: 'coordinator-1' },
  purpose: 'Bibob-onderzoek exploitatievergunning.',
  requestedAt: '2027-01-04T09:00:00.000Z',
};
const refusal = {
  requestId: request.requestId,
  municipality: 'soest',
  answeredBy: { party: 'gemeente-soest', userId: 'overleg.soest' },
  answeredAt: '2027-01-05T09:00:00.000Z',
  outcome: 'refused',
  reason: 'Lopend strafrechtelijk onderzoek.',
};

describe('InformationRequested', () => {
  const sut = InformationRequested;

  it('accepts a request naming a signal by id and the tokens that hit', () => {
    expect(sut.parse(request)).toEqual(request);
  });

  it.each([
    ['an empty purpose', { ...request, purpose: '  ' }, 'purpose'],
    ['an unknown object kind', { ...request, object: { ...request.object, kind: 'person' } }, 'object.kind'],
    ['an identifier beside the tokens', { ...request, object: { ...request.object, kvkNumber: '12345678' } }, 'object'],
    ['a malformed signal id', { ...request, object: { ...request.object, signalId: 'signal-1' } }, 'object.signalId'],
  ])('rejects %s', (_what, input, field) => {
    const result = sut.safeParse(input);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(field);
  });
});

describe('InformationAnswered', () => {
  const sut = InformationAnswered;

  it('accepts a refusal with its reason', () => {
    expect(sut.parse(refusal)).toEqual(refusal);
  });

  it('rejects a refusal without a reason, and an answer without the signal', () => {
    expect(sut.safeParse({ ...refusal, reason: '' }).success).toBe(false);
    const { reason: _reason, ...withoutReason } = refusal;
    expect(sut.safeParse({ ...withoutReason, outcome: 'answered' }).success).toBe(false);
  });
});

describe(informationRequestRecipients.name, () => {
  it('seals a request to the owning municipality only, and its answer to the requester only', () => {
    expect(informationRequestRecipients('soest')).toEqual(['gemeente-soest']);
    expect(informationAnswerRecipients('bibob-pool-bes')).toEqual(['bibob-pool-bes']);
  });
});
