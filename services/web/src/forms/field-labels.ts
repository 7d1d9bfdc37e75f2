/**
 * The Dutch name of every field a page reads (form fields and query parameters), in one place: an
 * error about a field names it as the page does.
 */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  body: 'Het formulier',
  path: 'Het adres',
  _csrf: 'Formuliercontrole',
  accountName: 'Gebruikersnaam',
  password: 'Wachtwoord',
  theme: 'Thema',
  thema: 'Thema',
  datum: 'Datum van het register',
  pagina: 'Pagina',
  stap: 'Stap',
  municipality: 'Gemeente',
  gemeente: 'Gemeente',
  postcode: 'Postcode',
  huisnummer: 'Huisnummer',
  toevoeging: 'Toevoeging',
  kvkNumber: 'KvK-nummer',
  tradeName: 'Handelsnaam',
  personName: 'Naam van de persoon',
  personBirthDate: 'Geboortedatum van de persoon',
  kenteken: 'Kenteken',
  indicators: 'Indicatoren',
  freeText: 'Toelichting',
  recipients: 'Ontvangers',
  idempotencyKey: 'Formulierkenmerk',
  approach: 'Aanpak',
  leadParty: 'Trekker',
  riecHandover: 'Overdracht aan het RIEC',
  feedback: 'Terugkoppeling aan de melder',
  date: 'Datum van het overleg',
  meetingId: 'Overleg',
  itemId: 'Melding',
  aanpak: 'Aanpak',
  trekker: 'Trekker',
  doneOn: 'Afgerond op',
  note: 'Toelichting',
  gedaan: 'Melding',
  afgemeld: 'Melding',
  verstuurd: 'Melding',
  reason: 'Reden',
  action: 'Knop',
  kind: 'Soort beschikking',
  vestigingsnummer: 'Vestigingsnummer',
  personRole: 'Rol van de persoon',
  receivedOn: 'Datum ontvangst aanvraag',
  decisionTermWeeks: 'Beslistermijn in weken',
  step: 'Stap',
  level: 'Risico',
  grounds: 'Gronden',
  proposedConditions: 'Voorgestelde voorschriften',
  explanation: 'Onderbouwing',
  groundCode: 'Code van de grond',
  groundExplanation: 'Toelichting op de grond',
  activity: 'Activiteiten',
  applicationKind: 'Soort aanvraag',
  missing: 'Ontbrekende onderdelen',
  askedOn: 'Aanvulling gevraagd op',
  completedOn: 'Aanvulling ontvangen op',
  actionDate: 'Datum',
  permitNumber: 'Vergunningnummer',
  validFrom: 'Geldig vanaf',
  validUntil: 'Geldig tot en met',
  suspendedFrom: 'Geschorst vanaf',
  suspendedUntil: 'Geschorst tot en met',
  ground: 'Grond',
  conditionText: 'Tekst van het voorschrift',
  conditionBasis: 'Wettelijke grondslag van het voorschrift',
  conditionSource: 'Herkomst van het voorschrift',
  period: 'Maand',
  publicatie: 'Publicatie',
  exclusionKind: 'Soort',
  label: 'Omschrijving',
  signalId: 'Melding',
  purpose: 'Doel en grondslag van het verzoek',
};

const SBI_FIELD = /^sbi-(.+)$/;

const QUESTIONNAIRE_FIELD = /^(answer|complete)-(.+)$/;

const ACTION_FIELD = /^action(\d+)(Description|DueDate)$/;

/** `Aanpak`, `Actie 2: deadline`; a name no page uses is quoted (it is identifier-shaped, never free input). */
export function fieldLabel(field: string): string {
  const name = field.split('.')[0] ?? field;
  const label = FIELD_LABELS[name];
  if (label !== undefined) return label;
  const action = ACTION_FIELD.exec(name);
  if (action !== null) return `Actie ${action[1] ?? ''}: ${action[2] === 'DueDate' ? 'deadline' : 'omschrijving'}`;
  const sbi = SBI_FIELD.exec(name);
  if (sbi !== null) return `SBI-code bij ${sbi[1] ?? ''}`;
  const questionnaire = QUESTIONNAIRE_FIELD.exec(name);
  if (questionnaire !== null) return `Vragenlijst ${questionnaire[2] ?? ''}: ${questionnaire[1] === 'answer' ? 'bevindingen' : 'compleet'}`;
  return `Het veld „${name}”`;
}
