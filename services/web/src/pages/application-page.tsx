import type { ApplicationDetail, PermitDetail } from '@signaalhub/contracts';
import {
  Button,
  Fieldset,
  FieldsetLegend,
  Heading1,
  Heading2,
  Link,
  OrderedList,
  OrderedListItem,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { BibobConclusion } from '../components/bibob-conclusion.js';
import { CsrfField } from '../components/csrf-field.js';
import { DeadlineFacts } from '../components/deadline-facts.js';
import { ErrorSummary } from '../components/error-summary.js';
import { SuccessNotice } from '../components/success-notice.js';
import { PermitActionForm } from '../components/permit-action-form.js';
import { SelectField } from '../components/select-field.js';
import { TextField } from '../components/text-field.js';
import { APPLICATION_FIELD_IDS } from '../forms/application-forms.js';
import { errorsFor, type FieldError } from '../forms/field-errors.js';
import { conditionFieldId, permitField } from '../forms/permit-action-form.js';
import { formatDate, formatDateTime } from '../labels/labels.js';
import { applicationKindLabel, applicationTimelineLabel, BIBOB_STATE_LABELS, PERMIT_STATUS_LABELS, registryActorLabel, ZIENSWIJZE_LABELS } from '../labels/registry-labels.js';
import { Layout } from './layout.js';
import type { PageUser } from './page-context.js';

export interface ApplicationPageProps {
  readonly user: PageUser;
  readonly application: ApplicationDetail;
  readonly permit: PermitDetail;
  /** `YYYY-MM-DD`, prefilled in the forms' dates. */
  readonly today: string;
  readonly errors: readonly FieldError[];
  readonly notice?: string;
}

/** Case-specific rows beyond the Bibob conclusion's proposals, for the officer's own conditions. */
const EXTRA_CONDITION_ROWS = 2;
const BIBOB_CONDITION_BASIS = 'Artikel 3 Wet Bibob (mindere mate van gevaar)';

/** One application: facts, the legal decision date and why, timeline, completeness, the Bibob screening, and the decision. */
export function ApplicationPage({ user, application, permit, today, errors, notice }: ApplicationPageProps): ReactNode {
  const title = `Aanvraag ${applicationKindLabel(application.kind).toLowerCase()}: ${application.tradeName}`;
  const decisionPath = `/aanvragen/${encodeURIComponent(application.id)}/besluit`;
  return (
    <Layout title={errors.length > 0 ? `Fout: ${title}` : title} user={user} section="aanvragen">
      <ErrorSummary errors={errors} />
      <Heading1>{title}</Heading1>
      <SuccessNotice notice={notice} />
      <section aria-labelledby="kop-gegevens">
        <Heading2 id="kop-gegevens">Gegevens</Heading2>
        <dl className="sh-facts">
          <div>
            <dt>Vestiging</dt>
            <dd>
              <Link href={`/vestigingen/${encodeURIComponent(application.establishmentId)}`}>{application.tradeName}</Link>
            </dd>
          </div>
          <div>
            <dt>Aanvraag ontvangen</dt>
            <dd>{formatDate(application.receivedOn)}</dd>
          </div>
          <div>
            <dt>Beslistermijn</dt>
            <dd>{application.decisionTermWeeks} weken</dd>
          </div>
          <div>
            <dt>Vergunning</dt>
            <dd>
              <Link href={`/vergunningen/${encodeURIComponent(permit.id)}`}>{PERMIT_STATUS_LABELS[permit.status]}</Link>
              {permit.permitNumber === null ? null : `, ${permit.permitNumber}`}
            </dd>
          </div>
        </dl>
      </section>
      <Deadlines application={application} />
      <Completeness application={application} today={today} csrfToken={user.csrfToken} errors={errors} />
      <Bibob application={application} csrfToken={user.csrfToken} />
      <section aria-labelledby="kop-tijdlijn">
        <Heading2 id="kop-tijdlijn">Tijdlijn</Heading2>
        <OrderedList className="sh-timeline">
          {application.timeline.map((entry, index) => (
            <OrderedListItem key={index}>
              <strong>{applicationTimelineLabel(entry.kind)}</strong> – {formatDate(entry.date)}, vastgelegd {formatDateTime(entry.at)} door {registryActorLabel(entry.actor)}
              {entry.missing === undefined ? null : <>. Gevraagd: {entry.missing.join(', ')}</>}
            </OrderedListItem>
          ))}
        </OrderedList>
      </section>
      <section aria-labelledby="kop-besluit">
        <Heading2 id="kop-besluit">Besluit</Heading2>
        {permit.status !== 'aangevraagd' ? (
          <Paragraph>
            Op deze aanvraag is besloten: de vergunning is {PERMIT_STATUS_LABELS[permit.status].toLowerCase()}.{' '}
            <Link href={`/vergunningen/${encodeURIComponent(permit.id)}`}>Naar de vergunning</Link>
          </Paragraph>
        ) : (
          <>
            <Paragraph>
              Zienswijze van de aanvrager: {ZIENSWIJZE_LABELS[permit.zienswijze].toLowerCase()}. Vraag de zienswijze vóór een weigering, en vóór een verlening met
              voorschriften die de aanvrager belasten (art. 4:8 Awb, art. 33 Wet Bibob).
            </Paragraph>
            {permit.zienswijze === 'gevraagd' ? (
              <PermitActionForm action="zienswijze-ontvangen" postTo={decisionPath} heading="Zienswijze ontvangen" submitLabel="Zienswijze vastleggen" csrfToken={user.csrfToken} errors={errors} today={today} />
            ) : (
              <PermitActionForm action="zienswijze-vragen" postTo={decisionPath} heading="Zienswijze vragen" submitLabel="Zienswijze vragen" csrfToken={user.csrfToken} errors={errors} today={today} />
            )}
            <GrantForm application={application} postTo={decisionPath} today={today} csrfToken={user.csrfToken} errors={errors} />
            <PermitActionForm
              action="weigeren"
              postTo={decisionPath}
              heading="Weigeren"
              intro="Alleen nadat de zienswijze is ontvangen. De grond blijft in het eigen dossier van de gemeente."
              submitLabel="Vergunning weigeren"
              csrfToken={user.csrfToken}
              errors={errors}
              today={today}
            />
          </>
        )}
      </section>
    </Layout>
  );
}

function Deadlines({ application }: { readonly application: ApplicationDetail }): ReactNode {
  return (
    <section aria-labelledby="kop-termijnen">
      <Heading2 id="kop-termijnen">Termijnen</Heading2>
      {application.overdue ? (
        <Paragraph>
          <strong className="sh-status-overdue">De beslistermijn is verstreken.</strong>
        </Paragraph>
      ) : null}
      <DeadlineFacts deadlines={application.deadlines} />
    </section>
  );
}

function Completeness({ application, today, csrfToken, errors }: { application: ApplicationDetail; today: string; csrfToken: string; errors: readonly FieldError[] }): ReactNode {
  const ids = APPLICATION_FIELD_IDS;
  const path = `/aanvragen/${encodeURIComponent(application.id)}`;
  const open = application.missing.length > 0;
  return (
    <section aria-labelledby="kop-volledigheid">
      <Heading2 id="kop-volledigheid">Volledigheid</Heading2>
      {open ? (
        <>
          <Paragraph>De aanvraag is niet volledig; de beslistermijn is opgeschort. Gevraagd:</Paragraph>
          <UnorderedList>
            {application.missing.map((item) => (
              <UnorderedListItem key={item}>{item}</UnorderedListItem>
            ))}
          </UnorderedList>
          <form method="post" action={`${path}/aanvulling-ontvangen`} noValidate className="sh-form-section">
            <CsrfField token={csrfToken} />
            <TextField id={ids.completedOn} name="completedOn" label="Aanvulling ontvangen op" type="date" value={today} required errors={errorsFor(errors, ids.completedOn)} />
            <Button type="submit" appearance="secondary-action-button">
              Aanvulling ontvangen
            </Button>
          </form>
        </>
      ) : (
        <>
          <Paragraph>Er staat geen verzoek om aanvulling open.</Paragraph>
          <form method="post" action={`${path}/aanvulling-vragen`} noValidate className="sh-form-section">
            <CsrfField token={csrfToken} />
            <TextField
              id={ids.missing}
              name="missing"
              label="Ontbrekende onderdelen"
              description="Eén onderdeel per regel. De beslistermijn wordt opgeschort tot de aanvulling er is (art. 4:15 Awb)."
              value=""
              required
              multiline
              errors={errorsFor(errors, ids.missing)}
            />
            <TextField id={ids.askedOn} name="askedOn" label="Aanvulling gevraagd op" type="date" value={today} required errors={errorsFor(errors, ids.askedOn)} />
            <Button type="submit" appearance="secondary-action-button">
              Aanvulling vragen
            </Button>
          </form>
        </>
      )}
    </section>
  );
}

function Bibob({ application, csrfToken }: { readonly application: ApplicationDetail; readonly csrfToken: string }): ReactNode {
  return (
    <section aria-labelledby="kop-bibob">
      <Heading2 id="kop-bibob">Bibob-toets</Heading2>
      <Paragraph>Status: {BIBOB_STATE_LABELS[application.bibob]}.</Paragraph>
      {application.screeningId === null ? null : (
        <Paragraph>
          <Link href={`/toetsen/${encodeURIComponent(application.screeningId)}`}>De toets bij de Bibob-pool bekijken</Link>
        </Paragraph>
      )}
      {application.bibob === 'niet-gevraagd' ? (
        <form method="post" action={`/aanvragen/${encodeURIComponent(application.id)}/bibob`} className="sh-form-section">
          <CsrfField token={csrfToken} />
          <Paragraph>De Bibob-pool krijgt de aanvraag met de gegevens van de vestiging en de verantwoordelijken, versleuteld.</Paragraph>
          <Button type="submit" appearance="secondary-action-button">
            Bibob-toets aanvragen
          </Button>
        </form>
      ) : null}
      {application.conclusions.map((entry) => (
        <BibobConclusion key={entry.version} entry={entry} headingId={`conclusie-${entry.version}`} />
      ))}
    </section>
  );
}

/** The grant: number, validity, and case-specific conditions; a Bibob conclusion's proposals are prefilled, marked as from Bibob. */
function GrantForm({ application, postTo, today, csrfToken, errors }: { application: ApplicationDetail; postTo: string; today: string; csrfToken: string; errors: readonly FieldError[] }): ReactNode {
  const proposed = application.conclusions.at(-1)?.conclusion.proposedConditions ?? [];
  const rows = [
    ...proposed.map((text) => ({ text, legalBasis: BIBOB_CONDITION_BASIS, source: 'bibob' })),
    ...Array.from({ length: EXTRA_CONDITION_ROWS }, () => ({ text: '', legalBasis: '', source: 'eigen' })),
  ];
  return (
    <PermitActionForm
      action="verlenen"
      postTo={postTo}
      heading="Verlenen"
      intro="De standaardvoorschriften uit de configuratie worden altijd aan de vergunning verbonden. Voeg hieronder voorschriften voor dit geval toe, elk met de wettelijke grondslag."
      submitLabel="Vergunning verlenen"
      csrfToken={csrfToken}
      errors={errors}
      today={today}
    >
      <TextField id={permitField('verlenen', 'permitNumber')} name="permitNumber" label="Vergunningnummer" value="" required description="Letters, cijfers en . / -" errors={errorsFor(errors, permitField('verlenen', 'permitNumber'))} />
      <TextField id={permitField('verlenen', 'validFrom')} name="validFrom" label="Geldig vanaf" type="date" value={today} required errors={errorsFor(errors, permitField('verlenen', 'validFrom'))} />
      <TextField id={permitField('verlenen', 'validUntil')} name="validUntil" label="Geldig tot en met" type="date" value="" required errors={errorsFor(errors, permitField('verlenen', 'validUntil'))} />
      {rows.map((row, index) => (
        <Fieldset key={index}>
          <FieldsetLegend>Voorschrift voor dit geval {index + 1}</FieldsetLegend>
          <TextField id={conditionFieldId(index, 'tekst')} name="conditionText" label="Tekst" value={row.text} multiline errors={errorsFor(errors, conditionFieldId(index, 'tekst'))} />
          <TextField id={conditionFieldId(index, 'grondslag')} name="conditionBasis" label="Wettelijke grondslag" value={row.legalBasis} errors={errorsFor(errors, conditionFieldId(index, 'grondslag'))} />
          <SelectField
            id={conditionFieldId(index, 'herkomst')}
            name="conditionSource"
            label="Herkomst"
            value={row.source}
            options={[
              { value: 'bibob', label: 'Uit de Bibob-conclusie (vertrouwelijk, niet openbaar)' },
              { value: 'eigen', label: 'Eigen voorschrift van de gemeente' },
            ]}
            errors={errorsFor(errors, conditionFieldId(index, 'herkomst'))}
          />
        </Fieldset>
      ))}
    </PermitActionForm>
  );
}
