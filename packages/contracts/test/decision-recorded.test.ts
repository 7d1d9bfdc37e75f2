import { describe, expect, it } from 'vitest';
import { APPROACHES, APPROACH_LABELS, DecisionRecorded, Limits } from '../src/index.js';

const goodDecision = {
  signalId: '3f1c2b7a-9d4e-4c1b-8a2f-6b5e4d3c2a10',
  municipality: 'soest',
  decidedAt: '2025-04-02T14:00:00+02:00',
  recordedBy: { party: 'gemeente-soest', userId: 'member-7' },
  approach: 'combinatie',
  leadParty: 'gemeente-soest',
  actions: [{ description: 'Bibob-toets bij vergunningaanvraag', dueDate: '2025-05-01' }],
  riecHandover: true,
  feedback: 'Dank voor het signaal; het wordt integraal opgepakt.',
};

describe('DecisionRecorded', () => {
  const sut = DecisionRecorded;

  it('accepts a good decision', () => {
    expect(sut.parse(goodDecision)).toEqual(goodDecision);
  });

  it('accepts every approach and has a Dutch label for each', () => {
    for (const approach of APPROACHES) {
      expect(sut.safeParse({ ...goodDecision, approach }).success).toBe(true);
      expect(APPROACH_LABELS[approach].length).toBeGreaterThan(0);
    }
  });

  it('rejects an unknown approach, a bad due date and an empty action', () => {
    expect(sut.safeParse({ ...goodDecision, approach: 'afwachten' }).success).toBe(false);
    expect(sut.safeParse({ ...goodDecision, actions: [{ description: 'x', dueDate: '2025-02-30' }] }).success).toBe(false);
    expect(sut.safeParse({ ...goodDecision, actions: [{ description: ' ', dueDate: '2025-05-01' }] }).success).toBe(false);
  });

  it('rejects oversize feedback and too many actions', () => {
    expect(sut.safeParse({ ...goodDecision, feedback: 'x'.repeat(Limits.freeTextLength + 1) }).success).toBe(false);
    const actions = Array.from({ length: Limits.actionsPerDecision + 1 }, () => goodDecision.actions[0]);
    expect(sut.safeParse({ ...goodDecision, actions }).success).toBe(false);
  });

  it('rejects unknown fields and a missing riecHandover', () => {
    expect(sut.safeParse({ ...goodDecision, notes: 'x' }).success).toBe(false);
    const { riecHandover: _omitted, ...withoutHandover } = goodDecision;
    expect(sut.safeParse(withoutHandover).success).toBe(false);
  });
});
