import { APPLICATION_KINDS, type ApplicationSummary, type PermitDetail } from '@signaalhub/contracts';
import {
  Button,
  Heading1,
  Heading2,
  Heading3,
  Link,
  OrderedList,
  OrderedListItem,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { BibobConclusion } from '../components/bibob-conclusion.js';
import { CsrfField } from '../components/csrf-field.js';
import { PeopleTable } from '../components/people-table.js';
import { ErrorSummary } from '../components/error-summary.js';
import { SuccessNotice } from '../components/success-notice.js';
import { SelectField } from '../components/select-field.js';
import { TextField } from '../components/text-field.js';
import { APPLICATION_FIELD_IDS, type NewApplicationValues } from '../forms/application-forms.js';
import { errorsFor, type FieldError } from '../forms/field-errors.js';
import { RESCREENING_FIELD_ID } from '../forms/rescreening-form.js';
import { formatDate, formatDateTime } from '../labels/labels.js';
import {
  activitiesText,
  applicationKindLabel,
  BIBOB_STATE_LABELS,
  ESTABLISHMENT_HISTORY_LABELS,
  FLAG_MATCH_LABELS,
  flagThemeLabel,
  PERMIT_ACTION_LABELS,
  MILESTONE_LABELS,
  PERMIT_STATUS_LABELS,
  registryActorLabel,
  RESCREENING_STATE_LABELS,
  visitingAddressText,
} from '../labels/registry-labels.js';
import type { EstablishmentFlag, EstablishmentView } from '../services/registry-client.js';
import { Layout } from './layout.js';
import type { PageUser } from './page-context.js';

/** An application of the establishment with its permit. */
export interface EstablishmentCase {
  readonly application: ApplicationSummary;
  readonly permit: PermitDetail;
}

export interface EstablishmentPageProps {
  readonly user: PageUser;
  readonly establishment: EstablishmentView;
  readonly cases: readonly EstablishmentCase[];
  readonly application: NewApplicationValues;
  readonly errors: readonly FieldError[];
  readonly notice?: string;
}

/** One establishment: its facts and people, signal flags, re-screenings, applications and permits, history, and a new application. */
export function EstablishmentPage({ user, establishment, cases, application, errors, notice }: EstablishmentPageProps): ReactNode {
  const title = establishment.tradeName;
  return (
    <Layout title={errors.length > 0 ? `Fout: ${title}` : title} user={user} section="vestigingen">
      <ErrorSummary errors={errors} />
      <Heading1>{title}</Heading1>
      <SuccessNotice notice={notice} />
      <section aria-labelledby="kop-gegevens">
        <Heading2 id="kop-gegevens">Gegevens</Heading2>
        <dl className="sh-facts">
          {(
            [
              ['KvK-nummer', establishment.kvkNumber],
              ['Vestigingsnummer', establishment.vestigingsnummer],
              ['Bezoekadres', visitingAddressText(establishment.address)],
              ['Activiteiten', activitiesText(establishment.activities)],
              ['Ingeschreven', formatDateTime(establishment.registeredAt)],
            ] as const
          ).map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="kop-verantwoordelijken">
        <Heading2 id="kop-verantwoordelijken">Verantwoordelijken</Heading2>
        <PeopleTable caption="Verantwoordelijken" people={establishment.people} />
      </section>
      {establishment.flags === undefined ? null : <Flags establishmentId={establishment.id} flags={establishment.flags} csrfToken={user.csrfToken} errors={errors} />}
      {establishment.rescreenings === undefined ? null : <Rescreenings rescreenings={establishment.rescreenings} />}
      <Cases cases={cases} />
      <History establishment={establishment} cases={cases} />
      <NewApplication establishmentId={establishment.id} values={application} csrfToken={user.csrfToken} errors={errors} />
    </Layout>
  );
}

function Flags({ establishmentId, flags, csrfToken, errors }: { establishmentId: string; flags: readonly EstablishmentFlag[]; csrfToken: string; errors: readonly FieldError[] }): ReactNode {
  return (
    <section aria-labelledby="kop-signalen" className="sh-card">
      <Heading2 id="kop-signalen">Signalen</Heading2>
      {flags.length === 0 ? (
        <Paragraph>Er zijn geen signalen over deze vestiging.</Paragraph>
      ) : (
        <>
          <Paragraph>
            {flags.length === 1 ? 'Er is 1 signaal' : `Er zijn ${flags.length} signalen`} over deze vestiging. De inhoud ziet u alleen als uw organisatie ontvanger van het
            signaal is.
          </Paragraph>
          <Table>
            <TableCaption className="sh-visually-hidden">Signalen over deze vestiging</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Thema</TableHeaderCell>
                <TableHeaderCell scope="col">Gemeld op</TableHeaderCell>
                <TableHeaderCell scope="col">Gevonden op</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {flags.map((flag, index) => (
                <TableRow key={index}>
                  <TableCell>{flagThemeLabel(flag.theme)}</TableCell>
                  <TableCell>{formatDate(flag.reportedOn)}</TableCell>
                  <TableCell>{FLAG_MATCH_LABELS[flag.matchedOn]}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <form method="post" action={`/vestigingen/${encodeURIComponent(establishmentId)}/herscreening`} noValidate className="sh-form-section">
            <CsrfField token={csrfToken} />
            <TextField
              id={RESCREENING_FIELD_ID}
              name="reason"
              label="Reden van de herscreening"
              description="De Bibob-pool krijgt het verzoek; de reden komt in de geschiedenis."
              value=""
              required
              multiline
              maxLength={1000}
              errors={errorsFor(errors, RESCREENING_FIELD_ID)}
            />
            <Button type="submit" appearance="secondary-action-button">
              Herscreening aanvragen
            </Button>
          </form>
        </>
      )}
    </section>
  );
}

/** Each re-screening asked: where it stands at the pool and, once received, the conclusion (art. 28 Wet Bibob: this municipality's officers only). */
function Rescreenings({ rescreenings }: { readonly rescreenings: NonNullable<EstablishmentView['rescreenings']> }): ReactNode {
  return (
    <section aria-labelledby="kop-herscreeningen">
      <Heading2 id="kop-herscreeningen">Herscreeningen</Heading2>
      {rescreenings.length === 0 ? (
        <Paragraph>Er is geen herscreening gevraagd.</Paragraph>
      ) : (
        rescreenings.map((rescreening, index) => (
          <article key={index} className="sh-card" aria-labelledby={`herscreening-${index}`}>
            <Heading3 id={`herscreening-${index}`}>Herscreening gevraagd op {formatDate(rescreening.askedOn)}</Heading3>
            <Paragraph>Status: {RESCREENING_STATE_LABELS[rescreening.status]}.</Paragraph>
            {rescreening.screeningId === null ? null : (
              <Paragraph>
                <Link href={`/toetsen/${encodeURIComponent(rescreening.screeningId)}`}>De toets bij de Bibob-pool bekijken</Link>
              </Paragraph>
            )}
            {rescreening.conclusion === null ? null : <BibobConclusion entry={rescreening.conclusion} headingId={`herscreening-${index}-conclusie`} headingLevel={4} />}
          </article>
        ))
      )}
    </section>
  );
}

function Cases({ cases }: { readonly cases: readonly EstablishmentCase[] }): ReactNode {
  return (
    <section aria-labelledby="kop-vergunningen">
      <Heading2 id="kop-vergunningen">Aanvragen en vergunningen</Heading2>
      {cases.length === 0 ? (
        <Paragraph>Er zijn nog geen aanvragen.</Paragraph>
      ) : (
        <Table>
          <TableCaption className="sh-visually-hidden">Aanvragen en vergunningen</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Aanvraag</TableHeaderCell>
              <TableHeaderCell scope="col">Ontvangen</TableHeaderCell>
              <TableHeaderCell scope="col">Bibob</TableHeaderCell>
              <TableHeaderCell scope="col">Vergunning</TableHeaderCell>
              <TableHeaderCell scope="col">Status</TableHeaderCell>
              <TableHeaderCell scope="col">Geldig</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {cases.map(({ application, permit }) => (
              <TableRow key={application.id}>
                <TableCell>
                  <Link href={`/aanvragen/${encodeURIComponent(application.id)}`}>{applicationKindLabel(application.kind)}</Link>
                </TableCell>
                <TableCell>{formatDate(application.receivedOn)}</TableCell>
                <TableCell>{BIBOB_STATE_LABELS[application.bibob]}</TableCell>
                <TableCell>
                  <Link href={`/vergunningen/${encodeURIComponent(permit.id)}`}>{permit.permitNumber ?? 'Vergunning (nog zonder nummer)'}</Link>
                </TableCell>
                <TableCell>{PERMIT_STATUS_LABELS[permit.status]}</TableCell>
                <TableCell>{permit.validFrom === null || permit.validUntil === null ? '—' : `${formatDate(permit.validFrom)} tot en met ${formatDate(permit.validUntil)}`}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}

/** The establishment's history: its registration, its re-screenings' steps, then every permit change with who, when and why, newest last. */
function History({ establishment, cases }: { readonly establishment: EstablishmentView; readonly cases: readonly EstablishmentCase[] }): ReactNode {
  const entries = [
    { at: establishment.registeredAt, text: 'Ingeschreven in het register' },
    ...establishment.history.map((entry) => ({
      at: entry.at,
      text: `${ESTABLISHMENT_HISTORY_LABELS[entry.action]}${entry.milestone === undefined ? '' : `: ${MILESTONE_LABELS[entry.milestone]}`}${entry.date === undefined ? '' : `, datum ${formatDate(entry.date)}`} door ${registryActorLabel(entry.actor)}${entry.reason === undefined ? '' : `. Reden: ${entry.reason}`}`,
    })),
    ...cases.map(({ application }) => ({ at: `${application.receivedOn}T00:00:00.000Z`, text: `${applicationKindLabel(application.kind)} aangevraagd (ontvangen ${formatDate(application.receivedOn)})` })),
    ...cases.flatMap(({ permit }) =>
      permit.history.map((entry) => ({
        at: entry.at,
        text: `${PERMIT_ACTION_LABELS[entry.action]}${permit.permitNumber === null ? '' : ` (${permit.permitNumber})`} door ${registryActorLabel(entry.actor)}, datum ${formatDate(entry.date)}. Reden: ${entry.reason}`,
      })),
    ),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <section aria-labelledby="kop-geschiedenis">
      <Heading2 id="kop-geschiedenis">Geschiedenis</Heading2>
      <OrderedList className="sh-timeline">
        {entries.map((entry, index) => (
          <OrderedListItem key={index}>
            {formatDateTime(entry.at)}: {entry.text}
          </OrderedListItem>
        ))}
      </OrderedList>
    </section>
  );
}

function NewApplication({ establishmentId, values, csrfToken, errors }: { establishmentId: string; values: NewApplicationValues; csrfToken: string; errors: readonly FieldError[] }): ReactNode {
  const ids = APPLICATION_FIELD_IDS;
  return (
    <section aria-labelledby="kop-nieuwe-aanvraag">
      <Heading2 id="kop-nieuwe-aanvraag">Aanvraag registreren</Heading2>
      <form method="post" action={`/vestigingen/${encodeURIComponent(establishmentId)}/aanvragen`} noValidate>
        <CsrfField token={csrfToken} />
        <SelectField
          id={ids.kind}
          name="applicationKind"
          label="Soort aanvraag"
          value={values.kind}
          options={APPLICATION_KINDS.map((kind) => ({ value: kind, label: applicationKindLabel(kind) }))}
          errors={errorsFor(errors, ids.kind)}
        />
        <TextField id={ids.receivedOn} name="receivedOn" label="Aanvraag ontvangen op" type="date" value={values.receivedOn} required errors={errorsFor(errors, ids.receivedOn)} />
        <TextField
          id={ids.decisionTermWeeks}
          name="decisionTermWeeks"
          label="Beslistermijn in weken"
          description="De termijn van de APV, of ten hoogste 8 weken (art. 4:13 Awb)"
          value={values.decisionTermWeeks}
          inputMode="numeric"
          required
          errors={errorsFor(errors, ids.decisionTermWeeks)}
        />
        <Button type="submit" appearance="primary-action-button">
          Aanvraag registreren
        </Button>
      </form>
    </section>
  );
}
