import { describe, expect, it } from 'vitest';
import { decisionDraft, decisionFormErrors, decisionFormFromBody } from '../src/forms/decision-form.js';

describe(decisionDraft.name, () => {
  it('leaves out empty action rows and remembers which row each action came from', () => {
    const values = decisionFormFromBody({
      approach: 'bestuurlijk',
      leadParty: 'gemeente-soest',
      action1Description: '',
      action1DueDate: '',
      action2Description: 'Vergunning controleren',
      action2DueDate: '2026-12-12',
      action3Description: '',
      action3DueDate: '',
      riecHandover: 'ja',
      feedback: 'Terugkoppeling',
    });
    const sut = decisionDraft(values);
    expect(sut.request).toEqual({
      approach: 'bestuurlijk',
      leadParty: 'gemeente-soest',
      actions: [{ description: 'Vergunning controleren', dueDate: '2026-12-12' }],
      riecHandover: true,
      feedback: 'Terugkoppeling',
    });
    expect(decisionFormErrors([{ field: 'actions.0.dueDate', rule: 'date', message: 'Moet een datum zijn (JJJJ-MM-DD)' }], sut)).toEqual([
      { fieldId: 'actie-2-datum', message: 'Moet een datum zijn (JJJJ-MM-DD)' },
    ]);
  });

  it('rejects nothing itself when no approach was chosen: the meeting service names the field', () => {
    const sut = decisionDraft(decisionFormFromBody({}));
    expect(sut.request).toEqual({ actions: [], riecHandover: false, feedback: '' });
    expect(decisionFormErrors([{ field: 'approach', rule: 'is required', message: 'Dit veld is verplicht' }], sut)).toEqual([
      { fieldId: 'aanpak', message: 'Dit veld is verplicht', anchor: 'aanpak-bestuurlijk' },
    ]);
  });
});
