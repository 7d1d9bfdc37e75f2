import { APPROACH_LABELS, APPROACHES, INDICATOR_LABELS, THEME_LABELS, type ActionView, type ItemHistory, type Meeting, type OpenedAgendaItem, type Signal, type Subject } from '@signaalhub/contracts';
import {
  Alert,
  Button,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormLabel,
  Checkbox,
  Heading1,
  Heading2,
  Link,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { ActionsTable } from '../components/actions-table.js';
import { ChoiceGroup } from '../components/choice-group.js';
import { CsrfField } from '../components/csrf-field.js';
import { ErrorSummary } from '../components/error-summary.js';
import { SelectField } from '../components/select-field.js';
import { TextField } from '../components/text-field.js';
import { ACTION_ROWS, actionDescriptionId, actionDueDateId, DECISION_FIELD_IDS, type DecisionFormValues } from '../forms/decision-form.js';
import { errorsFor, type FieldError } from '../forms/field-errors.js';
import { formatDate, formatDateTime, municipalityName, partyLabel } from '../labels/labels.js';
import { signalReference } from '../labels/reference.js';
import { datedHitsText } from './hits-text.js';
import { ItemHistoryList } from './item-history-list.js';
import { Layout } from './layout.js';
import type { PageUser } from './page-context.js';

export interface AgendaItemPageProps {
  readonly user: PageUser;
  readonly opened: OpenedAgendaItem;
  readonly parties: readonly string[];
  readonly values: DecisionFormValues;
  readonly errors: readonly FieldError[];
  readonly history: ItemHistory;
  /** Meetings of the item's municipality from today on, and whether the item is on their agenda. */
  readonly upcomingMeetings: readonly (Meeting & { readonly planned: boolean })[];
  readonly notice?: string;
  /** Actions of earlier decisions on this item (e.g. "meer informatie nodig"). */
  readonly actions: readonly ActionView[];
}

export const PLAN_MEETING_FIELD_ID = 'overleg-kiezen';

function subjectText(subject: Subject): string {
  switch (subject.kind) {
    case 'business':
      return `Bedrijf: KvK ${subject.kvkNumber}${subject.tradeName === undefined ? '' : `, ${subject.tradeName}`}`;
    case 'person':
      return `Persoon: ${subject.name}, geboren ${formatDate(subject.birthDate)}`;
    case 'vehicle':
      return `Voertuig: kenteken ${subject.kenteken}`;
  }
}

/** The opened signal's content; shown only to a recipient's member (the service opened and audited it). */
export function SignalDetails({ signal }: { readonly signal: Signal }): ReactNode {
  const address = `${signal.location.postcode} ${signal.location.huisnummer.number}${signal.location.huisnummer.toevoeging ?? ''}`;
  return (
    <DataList>
      <DataListItem>
        <DataListKey>Kenmerk</DataListKey>
        <DataListValue>{signalReference(signal.id)}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>Thema</DataListKey>
        <DataListValue>{THEME_LABELS[signal.theme]}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>Gemeente</DataListKey>
        <DataListValue>{municipalityName(signal.municipality)}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>Gemeld</DataListKey>
        <DataListValue>
          {formatDateTime(signal.reportedAt)} door {partyLabel(signal.reporter.party)}
        </DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>Adres</DataListKey>
        <DataListValue>{address}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>Betrokkenen</DataListKey>
        <DataListValue>
          <UnorderedList>
            {signal.subjects.map((subject, index) => (
              <UnorderedListItem key={index}>{subjectText(subject)}</UnorderedListItem>
            ))}
          </UnorderedList>
        </DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>Indicatoren</DataListKey>
        <DataListValue>
          {signal.indicators.length === 0 ? (
            'Geen aangevinkt'
          ) : (
            <UnorderedList>
              {signal.indicators.map((code) => (
                <UnorderedListItem key={code}>{INDICATOR_LABELS[code]}</UnorderedListItem>
              ))}
            </UnorderedList>
          )}
        </DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>Toelichting</DataListKey>
        <DataListValue>{signal.freeText === '' ? 'Geen' : signal.freeText}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>Ontvangers</DataListKey>
        <DataListValue>{signal.distribution.recipients.map(partyLabel).join(', ')}</DataListValue>
      </DataListItem>
    </DataList>
  );
}

function DecisionForm({ user, opened, parties, values, errors }: AgendaItemPageProps): ReactNode {
  return (
    <form method="post" action={`/agenda/punten/${encodeURIComponent(opened.item.id)}/besluit`} noValidate>
      <CsrfField token={user.csrfToken} />
      <input type="hidden" name="municipality" value={opened.item.municipality} />
      <ChoiceGroup
        id={DECISION_FIELD_IDS.approach}
        name="approach"
        legend="Aanpak"
        description="Bij „Meer informatie nodig” komt de melding later terug op de agenda."
        kind="radio"
        choices={APPROACHES.map((approach) => ({ value: approach, label: APPROACH_LABELS[approach] }))}
        selected={[values.approach]}
        errors={errorsFor(errors, DECISION_FIELD_IDS.approach)}
      />
      <SelectField
        id={DECISION_FIELD_IDS.leadParty}
        name="leadParty"
        label="Trekker"
        value={values.leadParty}
        placeholder="Kies de trekker"
        options={parties.map((party) => ({ value: party, label: partyLabel(party) }))}
        errors={errorsFor(errors, DECISION_FIELD_IDS.leadParty)}
      />
      <Fieldset>
        <FieldsetLegend>Acties (niet verplicht)</FieldsetLegend>
        {Array.from({ length: ACTION_ROWS }, (_, row) => (
          <div className="sh-action-row" key={row}>
            <TextField
              id={actionDescriptionId(row)}
              name={`action${row + 1}Description`}
              label={`Omschrijving actie ${row + 1}`}
              value={values.actions[row]?.description ?? ''}
              errors={errorsFor(errors, actionDescriptionId(row))}
            />
            <TextField
              id={actionDueDateId(row)}
              name={`action${row + 1}DueDate`}
              label={`Uiterste datum actie ${row + 1}`}
              type="date"
              value={values.actions[row]?.dueDate ?? ''}
              errors={errorsFor(errors, actionDueDateId(row))}
            />
          </div>
        ))}
      </Fieldset>
      <FormField
        type="checkbox"
        label={
          <FormLabel htmlFor={DECISION_FIELD_IDS.riecHandover} type="checkbox">
            Overdragen aan het RIEC
          </FormLabel>
        }
        input={<Checkbox id={DECISION_FIELD_IDS.riecHandover} name="riecHandover" value="ja" defaultChecked={values.riecHandover} />}
      />
      <TextField
        id={DECISION_FIELD_IDS.feedback}
        name="feedback"
        label="Terugkoppeling aan de melder"
        description="De toezichthouder die meldde ziet deze tekst onder Mijn meldingen."
        value={values.feedback}
        multiline
        maxLength={4000}
        errors={errorsFor(errors, DECISION_FIELD_IDS.feedback)}
      />
      <Button type="submit" appearance="primary-action-button">
        Besluit vastleggen
      </Button>
    </form>
  );
}

function PlanForm({ user, opened, upcomingMeetings, errors }: AgendaItemPageProps): ReactNode {
  const plannedFor = new Set(upcomingMeetings.filter((meeting) => meeting.planned).map((meeting) => meeting.id));
  const choices = upcomingMeetings.filter((meeting) => !plannedFor.has(meeting.id));
  if (upcomingMeetings.length === 0) {
    return (
      <Paragraph>
        Er is geen overleg gepland. <Link href={`/agenda?gemeente=${encodeURIComponent(opened.item.municipality)}`}>Plan eerst een overleg op de agenda.</Link>
      </Paragraph>
    );
  }
  return (
    <>
      {plannedFor.size === 0 ? null : (
        <Paragraph>
          Staat op de agenda van:{' '}
          {upcomingMeetings
            .filter((meeting) => meeting.planned)
            .map((meeting, index) => (
              <span key={meeting.id}>
                {index === 0 ? '' : ', '}
                <Link href={`/agenda/overleggen/${encodeURIComponent(meeting.id)}`}>het overleg van {formatDate(meeting.date)}</Link>
              </span>
            ))}
          .
        </Paragraph>
      )}
      {choices.length === 0 ? null : (
        <form method="post" action={`/agenda/punten/${encodeURIComponent(opened.item.id)}/agenderen`} noValidate>
          <CsrfField token={user.csrfToken} />
          <SelectField
            id={PLAN_MEETING_FIELD_ID}
            name="meetingId"
            label="Overleg"
            value=""
            placeholder="Kies een overleg"
            options={choices.map((meeting) => ({ value: meeting.id, label: formatDate(meeting.date) }))}
            errors={errorsFor(errors, PLAN_MEETING_FIELD_ID)}
          />
          <Button type="submit" appearance="secondary-action-button">
            Op de agenda van dit overleg zetten
          </Button>
        </form>
      )}
    </>
  );
}

/** One agenda item: the opened signal, its hits, planning, the decision form and its whole history. */
/** Only a pending item can be decided; an imported one was dealt with (if at all) before the hub. */
function decisionSection(props: AgendaItemPageProps): ReactNode {
  const { item } = props.opened;
  switch (item.status) {
    case 'pending':
      return <DecisionForm {...props} />;
    case 'closed':
      return <Paragraph>Over deze melding is al besloten.</Paragraph>;
    case 'imported':
      return <Paragraph>Geïmporteerd, gemeld op {formatDate(item.reportedOn)}. Deze melding komt niet op de agenda; ze telt mee als treffer bij nieuwe meldingen.</Paragraph>;
  }
}

export function AgendaItemPage(props: AgendaItemPageProps): ReactNode {
  const { opened, errors } = props;
  const title = `Melding ${THEME_LABELS[opened.item.theme]}, ${municipalityName(opened.item.municipality)}`;
  return (
    <Layout title={errors.length > 0 ? `Fout: ${title}` : title} user={props.user} section="agenda">
      <ErrorSummary errors={errors} />
      <Paragraph>
        <Link href={`/agenda?gemeente=${encodeURIComponent(opened.item.municipality)}`}>Terug naar de agenda</Link>
      </Paragraph>
      <Heading1>{title}</Heading1>
      {props.notice === undefined ? null : (
        <Alert type="ok">
          <Paragraph>{props.notice}</Paragraph>
        </Alert>
      )}
      <section aria-labelledby="kop-melding">
        <Heading2 id="kop-melding">De melding</Heading2>
        <SignalDetails signal={opened.signal} />
      </section>
      <section aria-labelledby="kop-treffers" className="sh-form-section">
        <Heading2 id="kop-treffers">Treffers in andere meldingen</Heading2>
        <Paragraph>
          {opened.hits.length === 0 ? 'Geen andere meldingen over dezelfde betrokkenen of hetzelfde adres.' : `Dezelfde betrokkenen of hetzelfde adres: ${datedHitsText(opened.hits)}.`}
        </Paragraph>
      </section>
      {opened.item.status === 'pending' ? (
        <section aria-labelledby="kop-agenderen" className="sh-form-section">
          <Heading2 id="kop-agenderen">Agenderen</Heading2>
          <PlanForm {...props} />
        </section>
      ) : null}
      {props.actions.length === 0 ? null : (
        <section aria-labelledby="kop-acties" className="sh-form-section">
          <Heading2 id="kop-acties">Acties</Heading2>
          <ActionsTable actions={props.actions} caption="Acties uit eerdere besluiten over deze melding" />
        </section>
      )}
      <section aria-labelledby="kop-besluit" className="sh-form-section">
        <Heading2 id="kop-besluit">Besluit</Heading2>
        {decisionSection(props)}
      </section>
      <section aria-labelledby="kop-geschiedenis" className="sh-form-section">
        <Heading2 id="kop-geschiedenis">Geschiedenis</Heading2>
        <ItemHistoryList history={props.history} actions={props.actions} headingLevelId="kop-geschiedenis" />
      </section>
    </Layout>
  );
}
