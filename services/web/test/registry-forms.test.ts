import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { completenessRequest } from '../src/forms/application-forms.js';
import { establishmentFormErrors, establishmentFormFromBody, establishmentRegistration } from '../src/forms/establishment-form.js';
import { permitActionErrors, permitActionOf, permitActionRequest } from '../src/forms/permit-action-form.js';
import { EstablishmentPage } from '../src/pages/establishment-page.js';
import type { EstablishmentView } from '../src/services/registry-client.js';

const user = { displayName: 'Vergunningverlener Soest', partyLabel: 'Gemeente Soest', roles: ['permit-officer' as const], csrfToken: 'token' };

describe(establishmentRegistration.name, () => {
  const body = {
    tradeName: 'Autobedrijf De Eng',
    kvkNumber: '91000011',
    vestigingsnummer: '000091000011',
    postcode: '3762 AB',
    huisnummer: '12',
    toevoeging: '',
    activity: ['reparatie', 'handel'],
    'sbi-handel': ' 45112 ',
    'sbi-reparatie': '4520',
    'sbi-sloop': '38311',
    personName: ['Henk de Eng', ''],
    personBirthDate: ['1966-02-11', ''],
    personRole: ['eigenaar', ''],
  };

  it('sends the ticked activities in the form order with their SBI codes, the address and the filled people rows', () => {
    expect(establishmentRegistration('soest', establishmentFormFromBody(body))).toEqual({
      municipality: 'soest',
      kvkNumber: '91000011',
      vestigingsnummer: '000091000011',
      tradeName: 'Autobedrijf De Eng',
      address: { postcode: '3762 AB', huisnummer: 12 },
      activities: [
        { activity: 'handel', sbiCode: '45112' },
        { activity: 'reparatie', sbiCode: '4520' },
      ],
      people: [{ name: 'Henk de Eng', birthDate: '1966-02-11', role: 'eigenaar' }],
    });
  });

  it("puts an activity's refused SBI code next to that activity's field, and a person's field on its row", () => {
    const errors = establishmentFormErrors(establishmentFormFromBody(body), [
      { field: 'activities.1.sbiCode', rule: 'sbi', message: 'Deze SBI-code hoort niet bij deze activiteit' },
      { field: 'people.0.birthDate', rule: 'date', message: 'Moet een datum in het verleden zijn' },
      { field: 'kvkNumber', rule: 'kvk', message: 'KvK-nummer moet 8 cijfers zijn' },
    ]);
    expect(errors).toEqual([
      { fieldId: 'sbi-code-reparatie', message: 'SBI-code bij reparatie: Deze SBI-code hoort niet bij deze activiteit' },
      { fieldId: 'verantwoordelijke-0-geboortedatum', message: 'Verantwoordelijke 1, geboortedatum: Moet een datum in het verleden zijn' },
      { fieldId: 'kvk-nummer', message: 'KvK-nummer: KvK-nummer moet 8 cijfers zijn' },
    ]);
  });
});

describe(permitActionRequest.name, () => {
  it('grants with the filled condition rows, a Bibob proposal marked as such, and names the refused field per action', () => {
    const body = {
      action: 'verlenen',
      actionDate: '2026-12-02',
      permitNumber: 'SOEST-AB-1',
      validFrom: '2026-12-02',
      validUntil: '2031-12-01',
      conditionText: ['Geen contante betalingen', 'Camera bij de ingang', ''],
      conditionBasis: ['Artikel 3 Wet Bibob', 'APV Soest', ''],
      conditionSource: ['bibob', 'eigen', 'eigen'],
      reason: 'Volledig',
    };
    const action = permitActionOf(body);
    expect(action).toBe('verlenen');
    expect(permitActionRequest('verlenen', body)).toEqual({
      action: 'verlenen',
      date: '2026-12-02',
      reason: 'Volledig',
      permitNumber: 'SOEST-AB-1',
      validFrom: '2026-12-02',
      validUntil: '2031-12-01',
      conditions: [
        { text: 'Geen contante betalingen', legalBasis: 'Artikel 3 Wet Bibob', fromBibob: true },
        { text: 'Camera bij de ingang', legalBasis: 'APV Soest', fromBibob: false },
      ],
    });
    expect(
      permitActionErrors('verlenen', [
        { field: 'validUntil', rule: 'after', message: 'De einddatum moet na de begindatum liggen.' },
        { field: 'conditions.1.legalBasis', rule: 'min', message: 'Dit veld is verplicht' },
        { field: 'action', rule: 'zienswijze', message: 'Vraag eerst de zienswijze van de aanvrager en leg die vast.' },
      ]),
    ).toEqual([
      { fieldId: 'verlenen-geldig-tot', message: 'Geldig tot en met: De einddatum moet na de begindatum liggen.' },
      { fieldId: 'voorschrift-1-grondslag', message: 'Voorschrift 2, wettelijke grondslag: Dit veld is verplicht' },
      { fieldId: undefined, message: 'Vraag eerst de zienswijze van de aanvrager en leg die vast.' },
    ]);
  });

  it('suspends with from and until, and knows no action the form did not name', () => {
    expect(permitActionRequest('schorsen', { actionDate: '2026-12-02', suspendedFrom: '2026-12-02', suspendedUntil: '2026-12-20', reason: 'Controle' })).toEqual({
      action: 'schorsen',
      date: '2026-12-02',
      from: '2026-12-02',
      until: '2026-12-20',
      reason: 'Controle',
    });
    expect(permitActionOf({ action: 'opheffen-alles' })).toBeUndefined();
  });

  it('asks for each missing item on its own line', () => {
    expect(completenessRequest({ missing: 'Plattegrond\r\n\r\n Uittreksel ', askedOn: '2026-12-01' })).toEqual({ missing: ['Plattegrond', 'Uittreksel'], date: '2026-12-01' });
  });
});

describe(EstablishmentPage.name, () => {
  const establishment: EstablishmentView = {
    id: '0b5a7f1e-1111-4222-8333-444455556666',
    municipality: 'soest',
    vestigingsnummer: '000090001234',
    tradeName: 'Eemland Occasions',
    address: { postcode: '3761AB', huisnummer: 40 },
    activities: [{ activity: 'handel', sbiCode: '45112' }],
    registeredAt: '2026-12-01T10:00:00.000Z',
    kvkNumber: '90001234',
    people: [{ name: 'Kees van Dam', birthDate: '1971-03-14', role: 'bestuurder' }],
    flagCount: 0,
    history: [],
  };
  const render = (view: EstablishmentView): string =>
    renderToStaticMarkup(createElement(EstablishmentPage, { user, establishment: view, cases: [], application: { kind: 'nieuw', receivedOn: '2026-12-02', decisionTermWeeks: '8' }, errors: [] }));

  it('shows the signal flags (theme, date, what matched) and the re-screening form only when the registry gives flags', () => {
    expect(render(establishment)).not.toContain('Herscreening aanvragen');
    const flagged = render({ ...establishment, flags: [{ theme: 'autobranche', reportedOn: '2026-11-30', matchedOn: 'kvk' }] });
    expect(flagged).toContain('Er is 1 signaal over deze vestiging');
    expect(flagged).toMatch(/<td[^>]*>Autobranche<\/td><td[^>]*>30 november 2026<\/td><td[^>]*>KvK-nummer<\/td>/);
    expect(flagged).toContain(`action="/vestigingen/${establishment.id}/herscreening"`);
    expect(flagged).toContain('Herscreening aanvragen');
  });

  it('shows each re-screening with its status and, once concluded, the conclusion as the application page does; its steps in the history', () => {
    expect(render(establishment)).not.toContain('Herscreeningen');
    expect(render({ ...establishment, rescreenings: [] })).toContain('Er is geen herscreening gevraagd.');
    const screeningId = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
    const page = render({
      ...establishment,
      rescreenings: [
        { askedOn: '2026-11-02', status: 'lbb-advies-gevraagd', screeningId, conclusion: null },
        {
          askedOn: '2026-11-20',
          status: 'conclusie-ontvangen',
          screeningId: null,
          conclusion: { version: 2, approvedAt: '2026-12-01T09:30:00.000Z', conclusion: { level: 'mindere-mate', grounds: [], proposedConditions: ['Kasboek dagelijks bijhouden'], explanation: 'Geld uit onbekende bron' } },
        },
      ],
      history: [
        { at: '2026-11-02T10:00:00.000Z', action: 'herscreening-gevraagd', actor: { party: 'gemeente-soest', userId: 'vv-1' }, reason: 'Signaal over contante verkopen' },
        { at: '2026-11-10T10:00:00.000Z', action: 'herscreening-voortgang', actor: { service: 'permit-registry' }, milestone: 'lbb-requested', date: '2026-11-09' },
      ],
    });
    expect(page).toContain('Herscreeningen');
    expect(page).toMatch(/Herscreening gevraagd op 2 november 2026<\/h3><p[^>]*>Status: LBB-advies gevraagd\.<\/p>/);
    expect(page).toContain(`href="/toetsen/${screeningId}"`);
    expect(page).toMatch(/Herscreening gevraagd op 20 november 2026<\/h3><p[^>]*>Status: Conclusie ontvangen\.<\/p>/);
    expect(page).toMatch(/<h4[^>]*>Conclusie versie 2: Mindere mate van gevaar<\/h4>/);
    expect(page).toContain('Onderbouwing: Geld uit onbekende bron');
    expect(page).toMatch(/<li[^>]*>Kasboek dagelijks bijhouden<\/li>/);
    expect(page).toContain('Herscreening gevraagd aan de Bibob-pool door vv-1. Reden: Signaal over contante verkopen');
    expect(page).toContain('Voortgang van de herscreening: LBB-advies gevraagd, datum 9 november 2026 door systeem (permit-registry)');
  });
});
