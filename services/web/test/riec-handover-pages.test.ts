import type { HandoverDetail, HandoverSummary, ItemHistory } from '@signaalhub/contracts';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { ItemHistoryList } from '../src/pages/item-history-list.js';
import { RETURN_REASON_FIELD_ID, RiecHandoverPage } from '../src/pages/riec-handover-page.js';
import { RiecHandoversPage } from '../src/pages/riec-handovers-page.js';
import { renderDocument } from '../src/render.js';
import { renderToStaticMarkup } from 'react-dom/server';

const user = { displayName: 'RIEC-contactpersoon', partyLabel: 'RIEC Midden-Nederland', roles: ['riec-liaison' as const], csrfToken: 'c'.repeat(43) };
const summary = (id: string, status: HandoverSummary['status']): HandoverSummary => ({
  id,
  municipality: 'soest',
  approach: 'strafrechtelijk',
  signalId: null,
  theme: 'autobranche',
  decidedAt: '2026-12-01T10:00:00.000Z',
  receivedAt: '2026-12-01T10:00:01.000Z',
  status,
  answeredAt: status === 'open' ? null : '2026-12-02T09:00:00.000Z',
});
const OPEN_ID = '11111111-1111-4111-8111-111111111111';
const detail: HandoverDetail = {
  ...summary(OPEN_ID, 'open'),
  decision: {
    signalId: '22222222-2222-4222-8222-222222222222',
    municipality: 'soest',
    decidedAt: '2026-12-01T10:00:00.000Z',
    recordedBy: { party: 'gemeente-soest', userId: 'overleg.soest' },
    approach: 'strafrechtelijk',
    leadParty: 'politie-bes',
    actions: [],
    riecHandover: true,
    feedback: 'Dank u.',
  },
  signal: null,
  caseReference: null,
  returnReason: null,
};

describe(RiecHandoversPage.name, () => {
  it('lists open hand-overs apart from answered ones, each linking to its page', () => {
    const sut = renderDocument(createElement(RiecHandoversPage, { user, handovers: [summary(OPEN_ID, 'open'), summary('33333333-3333-4333-8333-333333333333', 'returned')] }));
    expect(sut).toContain(`href="/riec/overdrachten/${OPEN_ID}"`);
    expect(sut).toContain('Open overdrachten');
    expect(sut).toContain('Teruggegeven op');
    expect(sut).toContain('Strafrechtelijke aanpak');
  });
});

describe(RiecHandoverPage.name, () => {
  it('offers both forms with the CSRF token, and ties a missing reason to its field', () => {
    const sut = renderDocument(createElement(RiecHandoverPage, { user, handover: detail, caseReference: '', reason: '', errors: [{ fieldId: RETURN_REASON_FIELD_ID, message: 'Vul de reden in' }] }));
    expect(sut).toContain(`action="/riec/overdrachten/${OPEN_ID}/acceptatie"`);
    expect(sut).toContain(`action="/riec/overdrachten/${OPEN_ID}/teruggave"`);
    expect(sut).toContain('c'.repeat(43));
    expect(sut).toContain(`<a href="#${RETURN_REASON_FIELD_ID}">Vul de reden in</a>`);
    expect(sut).toContain('Het RIEC heeft deze melding niet ontvangen.');
  });

  it('shows the answer instead of the forms once returned', () => {
    const sut = renderDocument(createElement(RiecHandoverPage, { user, handover: { ...detail, status: 'returned', answeredAt: '2026-12-02T09:00:00.000Z', returnReason: 'Hoort bij de politie.' }, caseReference: '', reason: '', errors: [] }));
    expect(sut).toContain('Hoort bij de politie.');
    expect(sut).not.toContain('/teruggave"');
  });
});

describe(ItemHistoryList.name, () => {
  it("tells the RIEC's answers, with the reason only when the caller could open it", () => {
    const history = {
      item: {} as ItemHistory['item'],
      entries: [
        { kind: 'handover-accepted', at: '2026-12-02T09:00:00.000Z', decisionId: OPEN_ID, content: { caseReference: 'RIEC-7', reason: null } },
        { kind: 'handover-returned', at: '2026-12-02T10:00:00.000Z', decisionId: OPEN_ID, content: { caseReference: null, reason: 'Hoort bij de politie.' } },
        { kind: 'handover-returned', at: '2026-12-02T11:00:00.000Z', decisionId: OPEN_ID, content: null },
      ],
    } satisfies ItemHistory;
    const sut = renderToStaticMarkup(createElement(ItemHistoryList, { history, actions: [], headingLevelId: 'kop' }));
    expect(sut).toContain('Overgedragen aan het RIEC — geaccepteerd');
    expect(sut).toContain('Zaaknummer van het RIEC: RIEC-7');
    expect(sut.match(/Overgedragen aan het RIEC — teruggegeven/g)).toHaveLength(2);
    expect(sut.match(/Reden: Hoort bij de politie\./g)).toHaveLength(1);
  });
});
