import { describe, expect, it } from 'vitest';
import { DecisionRecorded, EVENT_PAYLOADS, EventType, EventTypes, Signal, Topics } from '../src/index.js';

describe('EventType', () => {
  it('names events entity.past_tense', () => {
    for (const type of EventType.options) expect(type).toMatch(/^[a-z]+(?:_[a-z]+)*\.[a-z]+(?:_[a-z]+)*$/);
  });

  it('keeps the persisted names unchanged', () => {
    expect(EventTypes).toEqual({ signalSubmitted: 'signal.submitted', decisionRecorded: 'decision.recorded' });
  });

  it('rejects an unknown type', () => {
    expect(EventType.safeParse('signal.deleted').success).toBe(false);
  });

  it('has a topic per event type', () => {
    expect(Topics.signalSubmitted).toContain(EventTypes.signalSubmitted);
    expect(Topics.decisionRecorded).toContain(EventTypes.decisionRecorded);
  });
});

describe('EVENT_PAYLOADS', () => {
  it('maps each event type to its payload schema', () => {
    expect(Object.keys(EVENT_PAYLOADS).sort()).toEqual([...EventType.options].sort());
    expect(EVENT_PAYLOADS['signal.submitted']).toBe(Signal);
    expect(EVENT_PAYLOADS['decision.recorded']).toBe(DecisionRecorded);
  });
});
