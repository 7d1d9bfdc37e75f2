import { BIBOB_QUESTIONNAIRE, SCREENING_STEPS, type CoordinatorCapacity, type PoolInformationRequest, type ScreeningDetail } from '@signaalhub/contracts';
import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormLabel,
  Heading1,
  Heading2,
  Heading3,
  OrderedList,
  OrderedListItem,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { ChoiceGroup } from '../components/choice-group.js';
import { CsrfField } from '../components/csrf-field.js';
import { DeadlineFacts } from '../components/deadline-facts.js';
import { PeopleTable } from '../components/people-table.js';
import { ScreeningReassignment } from './screening-reassignment.js';
import { ErrorSummary } from '../components/error-summary.js';
import { SelectField } from '../components/select-field.js';
import { TextField } from '../components/text-field.js';
import { errorsFor, type FieldError } from '../forms/field-errors.js';
import { ACTION_FIELD_IDS, questionnaireFieldId } from '../forms/screening-actions.js';
import { formatDate, formatDateTime, municipalityName } from '../labels/labels.js';
import {
  actorLabel,
  CONCLUSION_STATUS_LABELS,
  HISTORY_ACTION_LABELS,
  kindLabel,
  phaseLabel,
  RISK_LEVEL_LABELS,
  screeningReference,
  TIMELINE_EVENT_LABELS,
} from '../labels/screening-labels.js';
import { Layout } from './layout.js';
import type { PageUser } from './page-context.js';
import { ScreeningHits } from './screening-hits.js';
import { ScreeningInformationRequests } from './screening-information-requests.js';

export interface ScreeningPageProps {
  readonly user: PageUser;
  readonly screening: ScreeningDetail;
  /** Coordinators act; a municipality's permit officers read. */
  readonly canAct: boolean;
  /** The pool's requests about this screening's hit signals: coordinators only (undefined for others). */
  readonly informationRequests?: readonly PoolInformationRequest[];
  readonly notice?: string;
  readonly errors?: readonly FieldError[];
  /** For a lead coordinator: the pool's coordinators to reassign the screening to. */
  readonly reassignTo?: readonly CoordinatorCapacity[];
}

const STEP_OPTIONS = SCREENING_STEPS.map((step) => ({ value: step, label: HISTORY_ACTION_LABELS[step] }));
const DEFAULT_GROUND_CODE = 'art-28-lid-2-sub-d-riec';

/** One screening: facts, people, history, the days that move its deadlines, checklist, conclusions and the next steps. */
export function ScreeningPage({ user, screening, canAct, informationRequests, notice, errors = [], reassignTo }: ScreeningPageProps): ReactNode {
  const title = `Toets ${screeningReference(screening.id)}: ${kindLabel(screening.kind)}, ${municipalityName(screening.municipality)}`;
  const open = screening.phase !== 'afgesloten';
  return (
    <Layout title={errors.length > 0 ? `Fout: ${title}` : title} user={user} section="toetsen">
      <ErrorSummary errors={errors} />
      <Heading1>{title}</Heading1>
      {notice === undefined ? null : (
        <Alert type="ok">
          <Paragraph>{notice}</Paragraph>
        </Alert>
      )}
      <Facts screening={screening} />
      <People screening={screening} />
      <ScreeningHits screening={screening} />
      {informationRequests === undefined ? null : (
        <ScreeningInformationRequests screening={screening} requests={informationRequests} csrfToken={user.csrfToken} errors={errors} />
      )}
      <Deadlines screening={screening} />
      <History screening={screening} />
      <Questionnaire screening={screening} canAct={canAct && open} csrfToken={user.csrfToken} />
      <Conclusions screening={screening} canAct={canAct} csrfToken={user.csrfToken} errors={errors} />
      {canAct && open ? <NextStep screening={screening} csrfToken={user.csrfToken} errors={errors} /> : null}
      {open && reassignTo !== undefined ? <ScreeningReassignment screening={screening} coordinators={reassignTo} csrfToken={user.csrfToken} errors={errors} /> : null}
    </Layout>
  );
}

function Facts({ screening }: { readonly screening: ScreeningDetail }): ReactNode {
  const facts: [string, string][] = [
    ['Kenmerk van de gemeente', screening.reference],
    ['Gemeente', municipalityName(screening.municipality)],
    ['Soort beschikking', kindLabel(screening.kind)],
    ['Fase', phaseLabel(screening.phase)],
    ['Behandelaar', screening.assignee ?? 'Niet toegewezen'],
    ['Aanvraag ontvangen', formatDate(screening.receivedOn)],
    ['Beslistermijn', `${screening.decisionTermWeeks} weken`],
    ['KvK-nummer', screening.applicant.kvkNumber],
    ['Vestigingsnummer', screening.applicant.vestigingsnummer],
    ['Vestigingsadres', screening.address === null ? 'Niet vastgelegd' : addressText(screening.address)],
    ['Kentekens', screening.vehicles.length === 0 ? 'Geen' : screening.vehicles.join(', ')],
  ];
  return (
    <section aria-labelledby="kop-gegevens">
      <Heading2 id="kop-gegevens">Gegevens</Heading2>
      <dl className="sh-facts">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function addressText({ postcode, huisnummer }: NonNullable<ScreeningDetail['address']>): string {
  return `${postcode} ${huisnummer.number}${huisnummer.toevoeging === undefined ? '' : `-${huisnummer.toevoeging}`}`;
}

function People({ screening }: { readonly screening: ScreeningDetail }): ReactNode {
  return (
    <section aria-labelledby="kop-personen">
      <Heading2 id="kop-personen">Betrokken personen</Heading2>
      {screening.people.length === 0 ? (
        <Paragraph>Er zijn geen personen vastgelegd.</Paragraph>
      ) : (
        <PeopleTable caption="Betrokken personen" people={screening.people} />
      )}
    </section>
  );
}

function Deadlines({ screening }: { readonly screening: ScreeningDetail }): ReactNode {
  const { ontvangen, beslistermijnWeken, gebeurtenissen } = screening.timeline;
  return (
    <section aria-labelledby="kop-termijnen">
      <Heading2 id="kop-termijnen">Termijnen</Heading2>
      <DeadlineFacts deadlines={screening.deadlines} />
      <Heading3>Gebeurtenissen die de termijnen bepalen</Heading3>
      <Paragraph>
        De beslistermijn van {beslistermijnWeken} weken loopt vanaf de ontvangst van de aanvraag op {formatDate(ontvangen)}.
      </Paragraph>
      {gebeurtenissen.length === 0 ? (
        <Paragraph>Nog geen opschorting of LBB-verzoek.</Paragraph>
      ) : (
        <UnorderedList>
          {gebeurtenissen.map((event, index) => (
            <UnorderedListItem key={index}>
              {formatDate(event.datum)}: {TIMELINE_EVENT_LABELS[event.soort] ?? event.soort}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </section>
  );
}

function History({ screening }: { readonly screening: ScreeningDetail }): ReactNode {
  return (
    <section aria-labelledby="kop-tijdlijn">
      <Heading2 id="kop-tijdlijn">Tijdlijn</Heading2>
      <OrderedList className="sh-timeline">
        {screening.history.map((entry, index) => (
          <OrderedListItem key={index}>
            <strong>{HISTORY_ACTION_LABELS[entry.action]}</strong> – {formatDateTime(entry.at)}, door {actorLabel(entry.actor)}
            {entry.date === null ? null : <>, datum {formatDate(entry.date)}</>}
            {entry.reason === null ? null : <>. Reden: {entry.reason}</>}
          </OrderedListItem>
        ))}
      </OrderedList>
    </section>
  );
}

function Questionnaire({ screening, canAct, csrfToken }: { readonly screening: ScreeningDetail; readonly canAct: boolean; readonly csrfToken: string }): ReactNode {
  const answers = new Map(screening.questionnaire.map((answer) => [answer.item, answer]));
  const complete = BIBOB_QUESTIONNAIRE.filter(({ item }) => answers.get(item)?.complete === true).length;
  return (
    <section aria-labelledby="kop-vragenlijst">
      <Heading2 id="kop-vragenlijst">Vragenlijst Bibob</Heading2>
      <Paragraph>
        {complete} van {BIBOB_QUESTIONNAIRE.length} onderdelen compleet.
      </Paragraph>
      {canAct ? (
        <form method="post" action={`/toetsen/${screening.id}/vragenlijst`} noValidate>
          <CsrfField token={csrfToken} />
          {BIBOB_QUESTIONNAIRE.map(({ item, label }) => (
            <Fieldset key={item}>
              <FieldsetLegend>{label}</FieldsetLegend>
              <FormField
                type="checkbox"
                label={
                  <FormLabel htmlFor={questionnaireFieldId(item, 'compleet')} type="checkbox">
                    Compleet
                  </FormLabel>
                }
                input={<Checkbox id={questionnaireFieldId(item, 'compleet')} name={`complete-${item}`} value="ja" defaultChecked={answers.get(item)?.complete === true} />}
              />
              <TextField id={questionnaireFieldId(item, 'antwoord')} name={`answer-${item}`} label="Bevindingen" value={answers.get(item)?.answer ?? ''} multiline />
            </Fieldset>
          ))}
          <Button type="submit" appearance="secondary-action-button">
            Vragenlijst opslaan
          </Button>
        </form>
      ) : (
        <UnorderedList>
          {BIBOB_QUESTIONNAIRE.map(({ item, label }) => (
            <UnorderedListItem key={item}>
              {label}: {answers.get(item)?.complete === true ? 'compleet' : 'nog niet compleet'}
              {answers.get(item)?.answer === undefined ? null : <> – {answers.get(item)?.answer}</>}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </section>
  );
}

interface ActionProps {
  readonly screening: ScreeningDetail;
  readonly canAct: boolean;
  readonly csrfToken: string;
  readonly errors: readonly FieldError[];
}

function Conclusions({ screening, canAct, csrfToken, errors }: ActionProps): ReactNode {
  const ids = ACTION_FIELD_IDS;
  const approved = screening.conclusions.some((version) => version.status === 'goedgekeurd');
  const proposing = canAct && (screening.phase === 'eigen-onderzoek' || screening.phase === 'advies-bestuursorgaan' || screening.phase === 'afgesloten');
  return (
    <section aria-labelledby="kop-conclusies">
      <Heading2 id="kop-conclusies">Risicoconclusie</Heading2>
      {screening.conclusions.length === 0 ? <Paragraph>Er is nog geen conclusie voorgesteld.</Paragraph> : null}
      {screening.conclusions.map((version) => (
        <article key={version.version} className="sh-card" aria-labelledby={`conclusie-${version.version}`}>
          <Heading3 id={`conclusie-${version.version}`}>
            Versie {version.version}: {RISK_LEVEL_LABELS[version.conclusion.level]}
            {version.conclusion.grounds.length === 0 ? null : `, grond ${version.conclusion.grounds.join(' en ')}`}
          </Heading3>
          <Paragraph>{CONCLUSION_STATUS_LABELS[version.status]}.</Paragraph>
          <Paragraph>Onderbouwing: {version.conclusion.explanation}</Paragraph>
          {version.conclusion.proposedConditions.length === 0 ? null : (
            <UnorderedList>
              {version.conclusion.proposedConditions.map((condition) => (
                <UnorderedListItem key={condition}>{condition}</UnorderedListItem>
              ))}
            </UnorderedList>
          )}
          <Paragraph>
            Voorgesteld door {version.proposedBy.userId} op {formatDateTime(version.proposedAt)}
            {version.approvedBy === null || version.approvedAt === null ? null : `; goedgekeurd door ${version.approvedBy.userId} op ${formatDateTime(version.approvedAt)}`}.
          </Paragraph>
          {canAct && version.status === 'voorgesteld' ? (
            <form method="post" action={`/toetsen/${screening.id}/conclusies/${version.version}/goedkeuring`} noValidate>
              <CsrfField token={csrfToken} />
              <TextField id={ids.approvalReason} name="reason" label="Reden van goedkeuring" value="" required errors={errorsFor(errors, ids.approvalReason)} />
              <Button type="submit" appearance="primary-action-button">
                Conclusie versie {version.version} goedkeuren
              </Button>
            </form>
          ) : null}
        </article>
      ))}
      {proposing ? (
        <form method="post" action={`/toetsen/${screening.id}/conclusies`} noValidate className="sh-form-section">
          <Heading3>{approved ? 'Gecorrigeerde conclusie voorstellen (nieuwe versie)' : 'Conclusie voorstellen'}</Heading3>
          <CsrfField token={csrfToken} />
          <ChoiceGroup
            id={ids.level}
            name="level"
            legend="Mate van gevaar"
            kind="radio"
            selected={[]}
            choices={Object.entries(RISK_LEVEL_LABELS).map(([value, label]) => ({ value, label }))}
            errors={errorsFor(errors, ids.level)}
          />
          <ChoiceGroup
            id={ids.grounds}
            name="grounds"
            legend="Grond (alleen bij ernstige mate van gevaar)"
            kind="checkbox"
            selected={[]}
            choices={[
              { value: 'a', label: 'Grond a: voordeel uit strafbare feiten' },
              { value: 'b', label: 'Grond b: strafbare feiten plegen' },
            ]}
            errors={errorsFor(errors, ids.grounds)}
          />
          <TextField
            id={ids.conditions}
            name="proposedConditions"
            label="Voorgestelde voorschriften"
            description="Alleen bij mindere mate van gevaar; één voorschrift per regel"
            value=""
            multiline
            errors={errorsFor(errors, ids.conditions)}
          />
          <TextField id={ids.explanation} name="explanation" label="Onderbouwing" value="" required multiline errors={errorsFor(errors, ids.explanation)} />
          <TextField id={ids.conclusionReason} name="reason" label="Reden" value="" required errors={errorsFor(errors, ids.conclusionReason)} />
          <Button type="submit" appearance="primary-action-button">
            Conclusie voorstellen
          </Button>
        </form>
      ) : null}
      {canAct && approved ? (
        <form method="post" action={`/toetsen/${screening.id}/verstrekkingen`} noValidate className="sh-form-section">
          <Heading3>Verstrekken aan het RIEC (art. 28 lid 2 Wet Bibob)</Heading3>
          <Paragraph>De conclusie gaat alleen naar het RIEC als u hier de grond vastlegt. De verstrekking komt in het verstrekkingenregister.</Paragraph>
          <CsrfField token={csrfToken} />
          <TextField id={ids.groundCode} name="groundCode" label="Code van de grond" value={DEFAULT_GROUND_CODE} required errors={errorsFor(errors, ids.groundCode)} />
          <TextField id={ids.groundExplanation} name="groundExplanation" label="Toelichting op de grond" value="" required multiline errors={errorsFor(errors, ids.groundExplanation)} />
          <Button type="submit" appearance="secondary-action-button">
            Verstrekken aan het RIEC
          </Button>
        </form>
      ) : null}
    </section>
  );
}

function NextStep({ screening, csrfToken, errors }: Omit<ActionProps, 'canAct'>): ReactNode {
  const ids = ACTION_FIELD_IDS;
  return (
    <section aria-labelledby="kop-volgende-stap" className="sh-form-section">
      <Heading2 id="kop-volgende-stap">Volgende stap</Heading2>
      <form method="post" action={`/toetsen/${screening.id}/stappen`} noValidate>
        <CsrfField token={csrfToken} />
        <SelectField id={ids.step} name="step" label="Stap" value="" placeholder="Kies een stap" options={STEP_OPTIONS} errors={errorsFor(errors, ids.step)} />
        <TextField id={ids.stepReason} name="reason" label="Reden" value="" required errors={errorsFor(errors, ids.stepReason)} />
        <TextField id={ids.stepDate} name="date" label="Datum" type="date" description="Leeg: vandaag" value="" errors={errorsFor(errors, ids.stepDate)} />
        <Button type="submit" appearance="primary-action-button">
          Stap vastleggen
        </Button>
      </form>
    </section>
  );
}
