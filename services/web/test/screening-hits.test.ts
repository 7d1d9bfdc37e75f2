import type { ScreeningDetail, ScreeningHits as Hits } from '@signaalhub/contracts';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { kentekenList, screeningDraft, emptyScreeningForm, screeningFormErrors } from '../src/forms/screening-form.js';
import { ScreeningHits } from '../src/pages/screening-hits.js';

const none = { total: 0, byMunicipality: [], byTheme: [] };

function screening(hits: Hits, vehicles: string[] = []): ScreeningDetail {
  // Only what the hits section reads: its id, the vehicles' order and the hits.
  return { id: '6d1f3a52-2f7e-4a4e-9d59-1a2b3c4d5e6f', vehicles, hits } as unknown as ScreeningDetail;
}

describe(ScreeningHits.name, () => {
  it('says "geen treffers" for every subject and for earlier screenings when nothing matched', () => {
    const sut = renderToStaticMarkup(createElement(ScreeningHits, { screening: screening({ business: none, address: none, people: [none], vehicles: [none], earlierScreenings: [], signals: [] }, ['KN842Z']) }));
    expect(sut.match(/geen treffers/g)).toHaveLength(5);
    expect(sut).toContain('Vestigingsadres');
    expect(sut).toContain('Kenteken KN842Z');
  });

  it('counts per municipality and theme, never naming a signal, and leaves out the address row when there is none', () => {
    const baarn = { total: 2, byMunicipality: [{ municipality: 'baarn', count: 2 }], byTheme: [{ theme: 'autobranche', count: 2 }] };
    const hits: Hits = { business: baarn, address: null, people: [], vehicles: [], earlierScreenings: [], signals: [{ municipality: 'baarn', signalIds: ['11111111-2222-4333-8444-555555555555'] }] };
    const sut = renderToStaticMarkup(createElement(ScreeningHits, { screening: screening(hits) }));
    expect(sut).toContain('Baarn (2)');
    expect(sut).toContain('Autobranche (2)');
    expect(sut).not.toContain('Vestigingsadres');
    expect(sut).not.toContain('11111111');
  });
});

describe(screeningDraft.name, () => {
  it('sends the address only when typed, the huisnummer as a number, and each kenteken as typed', () => {
    const values = { ...emptyScreeningForm(), postcode: '3743 xq', huisnummer: '17', toevoeging: '', kentekens: 'KN-842-Z, 12 abc 3\n' };
    expect(screeningDraft(values)).toMatchObject({ address: { postcode: '3743 xq', huisnummer: { number: 17 } }, vehicles: ['KN-842-Z', '12 abc 3'] });
    expect(screeningDraft(emptyScreeningForm())).not.toHaveProperty('address');
    expect(screeningDraft(emptyScreeningForm())).not.toHaveProperty('vehicles');
    expect(screeningDraft({ ...values, huisnummer: 'twaalf' })).toMatchObject({ address: { huisnummer: { number: 'twaalf' } } });
    expect(kentekenList(' ; , ')).toEqual([]);
  });

  it("names the address and kenteken fields in Dutch for the service's problems", () => {
    const errors = screeningFormErrors([
      { field: 'address.postcode', rule: 'r', message: 'm' },
      { field: 'vehicles.1', rule: 'r', message: 'm' },
    ]);
    expect(errors.map((error) => error.fieldId)).toEqual(['postcode', 'kentekens']);
    expect(errors[1]?.message).toMatch(/^Kenteken 2:/);
  });
});
