import type { CoordinatorCapacity } from '@signaalhub/contracts';
import { describe, expect, it } from 'vitest';
import { actionErrors } from '../src/forms/screening-actions.js';
import { assigneeOptions, isLeadCoordinator, reassignmentBody, reassignmentErrors, reassignmentOrigin } from '../src/forms/reassignment-form.js';

const line = (id: string, fields: Partial<CoordinatorCapacity> = {}): CoordinatorCapacity => ({
  id,
  name: `Naam ${id}`,
  lead: false,
  open: 1,
  capacity: 4,
  absences: [],
  absentToday: false,
  availableToday: true,
  ...fields,
});

describe(reassignmentErrors.name, () => {
  it('names the field of each problem in Dutch and links it to the input; a screening of the selection goes to the selection', () => {
    const sut = reassignmentErrors([
      { field: 'reason', rule: 'is required', message: 'Dit veld mag niet leeg zijn' },
      { field: 'assignee', rule: 'unknown-target', message: 'Deze coördinator staat niet in de pool' },
      { field: 'screeningIds.1', rule: 'absent', message: 'Afwezig' },
      { field: 'screeningIds.2', rule: 'absent', message: 'Afwezig' },
      { field: 'priority', rule: 'unknown field', message: 'Dit veld is onbekend en niet toegestaan' },
    ]);
    expect(sut).toEqual([
      { fieldId: 'toewijzing-reden', message: 'Reden: Dit veld mag niet leeg zijn' },
      { fieldId: 'toewijzing-behandelaar', message: 'Nieuwe behandelaar: Deze coördinator staat niet in de pool' },
      { fieldId: 'toewijzing-toetsen', message: 'Toetsen: Afwezig' },
      { fieldId: undefined, message: 'Dit veld is onbekend en niet toegestaan' },
    ]);
  });

  it('leaves the screening actions as they were (the same mechanism)', () => {
    expect(actionErrors('stap', [{ field: 'reason', rule: 'is required', message: 'Leeg' }])).toEqual([{ fieldId: 'stap-reden', message: 'Reden van de stap: Leeg' }]);
    expect(actionErrors('vragenlijst', [{ field: 'answer', rule: 'x', message: 'Te lang' }])).toEqual([{ fieldId: undefined, message: 'Vragenlijst: Te lang' }]);
  });
});

describe(reassignmentBody.name, () => {
  it('takes every ticked screening, the assignee and the reason; an unknown origin is the overview', () => {
    expect(reassignmentBody({ screeningIds: ['a', 'b'], assignee: 'bas', reason: 'Ziek' })).toEqual({ screeningIds: ['a', 'b'], assignee: 'bas', reason: 'Ziek' });
    expect(reassignmentBody({ screeningIds: 'a' }).screeningIds).toEqual(['a']);
    expect(reassignmentOrigin({ herkomst: 'elders' })).toBe('overzicht');
    expect(reassignmentOrigin({ herkomst: 'toets' })).toBe('toets');
  });
});

describe(assigneeOptions.name, () => {
  it('shows open vs capacity, and says who is absent or full', () => {
    expect(assigneeOptions([line('a'), line('b', { absentToday: true }), line('c', { open: 4 })]).map((option) => option.label)).toEqual([
      'Naam a (1 van 4 open)',
      'Naam b (1 van 4 open, afwezig)',
      'Naam c (4 van 4 open, vol)',
    ]);
  });

  it('knows a lead only by the pool (not by a role)', () => {
    expect(isLeadCoordinator([line('a', { lead: true }), line('b')], 'a')).toBe(true);
    expect(isLeadCoordinator([line('a', { lead: true }), line('b')], 'b')).toBe(false);
  });
});
