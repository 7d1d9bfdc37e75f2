import { describe, expect, it } from 'vitest';
import { ActionCompleted, DecisionRecorded, EVENT_CATALOG, FeedPublished, EventType, HandoverAccepted, HandoverReturned, EventTypes, InformationAnswered, InformationRequested, PermitEvent, ScreeningConcluded, ScreeningRequested, Signal, TOPIC_DEFINITIONS, Topics } from '../src/index.js';

describe('EventType', () => {
  it('names events entity.past_tense', () => {
    for (const type of EventType.options) expect(type).toMatch(/^[a-z]+(?:_[a-z]+)*\.[a-z]+(?:_[a-z]+)*$/);
  });

  it('keeps the persisted names unchanged', () => {
    expect(EventTypes).toMatchObject({ signalSubmitted: 'signal.submitted', decisionRecorded: 'decision.recorded' });
  });

  it('names every event between the services (DESIGN.md §6) and the meeting\'s sealed action note', () => {
    expect([...EventType.options].sort()).toEqual(
      [
        'signal.submitted',
        'decision.recorded',
        'action.completed',
        'screening.requested',
        'screening.opened',
        'screening.progressed',
        'screening.concluded',
        'screening.disclosed',
        'information.requested',
        'information.answered',
        'permit.decided',
        'permit.suspended',
        'permit.reinstated',
        'permit.revoked',
        'permit.expired',
        'handover.accepted',
        'handover.returned',
        'feed.published',
      ].sort(),
    );
  });

  it('rejects an unknown type', () => {
    expect(EventType.safeParse('signal.deleted').success).toBe(false);
  });

  it('has a topic per event type', () => {
    expect(Topics.signalSubmitted).toContain(EventTypes.signalSubmitted);
    expect(Topics.decisionRecorded).toContain(EventTypes.decisionRecorded);
  });
});

describe('EVENT_CATALOG', () => {
  it('describes every event type', () => {
    expect(Object.keys(EVENT_CATALOG).sort()).toEqual([...EventType.options].sort());
  });

  it('keeps the persisted topic names and versions every topic', () => {
    expect(Topics).toMatchObject({ signalSubmitted: 'signaalhub.signal.submitted.v1', decisionRecorded: 'signaalhub.decision.recorded.v1' });
    for (const name of Object.values(Topics)) expect(name).toMatch(/^signaalhub\.[a-z.]+\.v\d+$/);
  });

  it('puts each event on a topic that is provisioned', () => {
    const provisioned = TOPIC_DEFINITIONS.map((topic) => topic.name);
    for (const definition of Object.values(EVENT_CATALOG)) expect(provisioned).toContain(definition.topic);
  });

  it('keeps each lifecycle on one topic, so its events stay in order per municipality', () => {
    for (const [type, definition] of Object.entries(EVENT_CATALOG)) {
      const entity = type.split('.')[0];
      const sameEntity = Object.entries(EVENT_CATALOG).filter(([other]) => other.split('.')[0] === entity);
      for (const [, other] of sameEntity) expect(other.topic).toBe(definition.topic);
    }
  });

  it('maps every event type to its payload schema', () => {
    expect(EVENT_CATALOG['signal.submitted'].payload).toBe(Signal);
    expect(EVENT_CATALOG['decision.recorded'].payload).toBe(DecisionRecorded);
    expect(EVENT_CATALOG['action.completed'].payload).toBe(ActionCompleted);
    expect(EVENT_CATALOG['information.requested'].payload).toBe(InformationRequested);
    expect(EVENT_CATALOG['information.answered'].payload).toBe(InformationAnswered);
    expect(EVENT_CATALOG['screening.requested'].payload).toBe(ScreeningRequested);
    expect(EVENT_CATALOG['screening.concluded'].payload).toBe(ScreeningConcluded);
    for (const type of ['permit.decided', 'permit.suspended', 'permit.reinstated', 'permit.revoked', 'permit.expired'] as const) expect(EVENT_CATALOG[type].payload).toBe(PermitEvent);
    expect(EVENT_CATALOG['feed.published'].payload).toBe(FeedPublished);
    expect(EVENT_CATALOG['handover.accepted'].payload).toBe(HandoverAccepted);
    expect(EVENT_CATALOG['handover.returned'].payload).toBe(HandoverReturned);
    expect(Object.keys(EVENT_CATALOG).sort()).toEqual([
      'action.completed',
      'decision.recorded',
      'feed.published',
      'handover.accepted',
      'handover.returned',
      'information.answered',
      'information.requested',
      'permit.decided',
      'permit.expired',
      'permit.reinstated',
      'permit.revoked',
      'permit.suspended',
      'screening.concluded',
      'screening.disclosed',
      'screening.opened',
      'screening.progressed',
      'screening.requested',
      'signal.submitted',
    ]);
  });

  it('gives header routing facts that are never free text or personal data', () => {
    const allowed = ['municipality', 'theme', 'matchTokens', 'approach', 'riecHandover', 'permitKind', 'screeningId', 'milestone', 'objectKind', 'status', 'period', 'releaseId', 'signalId', 'reportedOn'];
    for (const definition of Object.values(EVENT_CATALOG)) {
      for (const fact of Object.keys(definition.facts)) expect(allowed).toContain(fact);
    }
  });

  it('carries the routing facts of DESIGN.md §6 per event type', () => {
    const facts = (type: EventType): string[] => Object.keys(EVENT_CATALOG[type].facts).sort();
    // reportedOn: an imported signal's original report day (a date, no content), so the feed counts it in its month.
    expect(facts('signal.submitted')).toEqual(['matchTokens', 'municipality', 'reportedOn', 'theme']);
    // signalId: the signal the decision is about (an id, no content), so the feed measures lead times from headers.
    expect(facts('decision.recorded')).toEqual(['approach', 'municipality', 'riecHandover', 'signalId']);
    expect(facts('screening.requested')).toEqual(['matchTokens', 'municipality', 'permitKind']);
    expect(facts('screening.progressed')).toEqual(['milestone', 'municipality', 'screeningId']);
    expect(facts('screening.concluded')).toEqual(['municipality', 'screeningId']);
    expect(facts('permit.revoked')).toEqual(['matchTokens', 'municipality', 'status']);
    expect(facts('handover.returned')).toEqual(['municipality']);
    expect(facts('feed.published')).toEqual(['period', 'releaseId']);
  });
});
