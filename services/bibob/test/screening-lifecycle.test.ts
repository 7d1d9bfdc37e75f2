import { describe, expect, it } from 'vitest';
import { approveConclusion, LifecycleViolation, proposeConclusion, takeStep, type LifecycleState } from '../src/screenings/screening-lifecycle.js';

const received: LifecycleState = {
  phase: 'ontvangen',
  receivedOn: '2027-01-04',
  lbbRequestedOn: null,
  lbbExtended: false,
  lbbWaiting: false,
  lastEventDate: null,
};
const researching: LifecycleState = { ...received, phase: 'eigen-onderzoek' };
const atLbb: LifecycleState = { ...researching, phase: 'lbb-advies-gevraagd', lbbRequestedOn: '2027-01-18', lastEventDate: '2027-01-18' };

function violation(work: () => unknown): LifecycleViolation {
  try {
    work();
  } catch (error) {
    if (error instanceof LifecycleViolation) return error;
    throw error;
  }
  throw new Error('expected a LifecycleViolation');
}

describe('screening lifecycle', () => {
  it('starts the own research from ontvangen, moving no term', () => {
    expect(takeStep(received, 'onderzoek-starten', '2027-01-05')).toMatchObject({ from: 'ontvangen', to: 'eigen-onderzoek', timelineKind: null, milestone: null });
  });

  it('asks for and receives an aanvulling as timeline events the deadline engine reads', () => {
    const asked = takeStep(researching, 'aanvulling-vragen', '2027-01-06');
    expect(asked).toMatchObject({ to: 'aanvulling-gevraagd', timelineKind: 'aanvulling-gevraagd', milestone: null });
    const back = takeStep({ ...researching, phase: asked.to, lastEventDate: '2027-01-06' }, 'aanvulling-ontvangen', '2027-01-13');
    expect(back).toMatchObject({ to: 'eigen-onderzoek', timelineKind: 'aanvulling-ontvangen' });
  });

  it('requests LBB advice, tells the municipality, and remembers the request date', () => {
    expect(takeStep(researching, 'lbb-advies-vragen', '2027-01-18')).toMatchObject({
      to: 'lbb-advies-gevraagd',
      lbbRequestedOn: '2027-01-18',
      timelineKind: 'lbb-gevraagd',
      milestone: 'lbb-requested',
    });
  });

  it('extends the LBB term once within its first 8 weeks', () => {
    expect(takeStep(atLbb, 'lbb-termijn-verlengen', '2027-03-15')).toMatchObject({ lbbExtended: true, milestone: 'extended', to: 'lbb-advies-gevraagd' });
  });

  it('rejects a second extension with 409 wording', () => {
    const error = violation(() => takeStep({ ...atLbb, lbbExtended: true }, 'lbb-termijn-verlengen', '2027-02-01'));
    expect(error.kind).toBe('conflict');
    expect(error.message).toMatch(/maar één keer/);
  });

  it('rejects an extension announced after the first 8 weeks as a broken rule on the date', () => {
    const error = violation(() => takeStep(atLbb, 'lbb-termijn-verlengen', '2027-03-16'));
    expect(error).toMatchObject({ kind: 'rule', field: 'date' });
  });

  it('rejects a second LBB request', () => {
    expect(violation(() => takeStep({ ...researching, lbbRequestedOn: '2027-01-18' }, 'lbb-advies-vragen', '2027-02-18')).kind).toBe('conflict');
  });

  it('tracks the LBB waiting for information, and refuses the advice while it waits', () => {
    const waiting = takeStep(atLbb, 'lbb-informatie-gevraagd', '2027-02-01');
    expect(waiting).toMatchObject({ lbbWaiting: true, milestone: 'waiting-for-information', timelineKind: 'lbb-informatie-gevraagd' });
    const stillWaiting = { ...atLbb, lbbWaiting: true, lastEventDate: '2027-02-01' };
    expect(violation(() => takeStep(stillWaiting, 'lbb-advies-ontvangen', '2027-02-10')).kind).toBe('conflict');
    expect(violation(() => takeStep(stillWaiting, 'lbb-informatie-gevraagd', '2027-02-10')).kind).toBe('conflict');
    expect(takeStep(stillWaiting, 'lbb-informatie-ontvangen', '2027-02-08')).toMatchObject({ lbbWaiting: false, milestone: 'information-received' });
  });

  it('rejects information received when none was asked for', () => {
    expect(violation(() => takeStep(atLbb, 'lbb-informatie-ontvangen', '2027-02-08')).kind).toBe('conflict');
  });

  it('goes back to the own research when the advice arrives', () => {
    expect(takeStep(atLbb, 'lbb-advies-ontvangen', '2027-03-22')).toMatchObject({ to: 'eigen-onderzoek', milestone: 'advice-received', timelineKind: 'lbb-advies-ontvangen' });
  });

  it('rejects a timeline step dated before the previous one or before receipt', () => {
    expect(violation(() => takeStep(atLbb, 'lbb-advies-ontvangen', '2027-01-17'))).toMatchObject({ kind: 'rule', field: 'date' });
    expect(violation(() => takeStep(researching, 'aanvulling-vragen', '2027-01-03'))).toMatchObject({ kind: 'rule', field: 'date' });
  });

  it.each([
    ['onderzoek-starten', researching],
    ['aanvulling-ontvangen', researching],
    ['lbb-advies-vragen', received],
    ['lbb-advies-ontvangen', researching],
    ['afsluiten', researching],
  ] as const)('rejects %s in the wrong phase with a Dutch message naming the phase', (step, state) => {
    const error = violation(() => takeStep(state, step, '2027-02-01'));
    expect(error.kind).toBe('conflict');
    expect(error.message).toMatch(/kan niet in de fase/);
  });

  it('rejects a conclusion while the questionnaire is incomplete', () => {
    expect(violation(() => proposeConclusion(researching, false))).toMatchObject({ kind: 'rule', field: 'questionnaire' });
    expect(proposeConclusion(researching, true)).toBe('risicoconclusie');
  });

  it('rejects a conclusion while an aanvulling or the LBB is open', () => {
    expect(violation(() => proposeConclusion({ ...researching, phase: 'aanvulling-gevraagd' }, true)).kind).toBe('conflict');
    expect(violation(() => proposeConclusion(atLbb, true)).kind).toBe('conflict');
  });

  it('takes a correction of an approved conclusion as a new proposal', () => {
    expect(proposeConclusion({ ...researching, phase: 'advies-bestuursorgaan' }, true)).toBe('risicoconclusie');
    expect(proposeConclusion({ ...researching, phase: 'afgesloten' }, false)).toBe('risicoconclusie');
  });

  it('rejects approval by the author (four eyes)', () => {
    const pending = { ...researching, phase: 'risicoconclusie' as const };
    expect(violation(() => approveConclusion(pending, 'coordinator-1', 'coordinator-1'))).toMatchObject({ kind: 'rule', field: 'approver' });
    expect(approveConclusion(pending, 'coordinator-1', 'coordinator-2')).toBe('advies-bestuursorgaan');
  });

  it('rejects approval when nothing waits for it', () => {
    expect(violation(() => approveConclusion(researching, 'coordinator-1', 'coordinator-2')).kind).toBe('conflict');
  });

  it('closes only after the advice to the bestuursorgaan', () => {
    expect(takeStep({ ...researching, phase: 'advies-bestuursorgaan' }, 'afsluiten', '2027-04-01')).toMatchObject({ to: 'afgesloten' });
  });
});
