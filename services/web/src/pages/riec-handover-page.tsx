import { APPROACH_LABELS, type HandoverDetail } from '@signaalhub/contracts';
import { Button, DataList, DataListItem, DataListKey, DataListValue, Heading1, Heading2, Link, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { CsrfField } from '../components/csrf-field.js';
import { ErrorSummary } from '../components/error-summary.js';
import { TextField } from '../components/text-field.js';
import { errorsFor, type FieldError } from '../forms/field-errors.js';
import { formatDate, formatDateTime, municipalityName, partyLabel } from '../labels/labels.js';
import { SignalDetails } from './agenda-item-page.js';
import { Layout } from './layout.js';
import type { PageUser } from './page-context.js';
import { HANDOVER_STATUS_LABELS } from './riec-handovers-page.js';

export const CASE_REFERENCE_FIELD_ID = 'zaaknummer';
export const RETURN_REASON_FIELD_ID = 'reden-teruggeven';

export interface RiecHandoverPageProps {
  readonly user: PageUser;
  readonly handover: HandoverDetail;
  readonly caseReference: string;
  readonly reason: string;
  readonly errors: readonly FieldError[];
}

function DecisionDetails({ handover }: { readonly handover: HandoverDetail }): ReactNode {
  const { decision } = handover;
  return (
    <DataList>
      <DataListItem>
        <DataListKey>Gemeente</DataListKey>
        <DataListValue>{municipalityName(handover.municipality)}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>Aanpak</DataListKey>
        <DataListValue>{APPROACH_LABELS[decision.approach]}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>Trekker</DataListKey>
        <DataListValue>{partyLabel(decision.leadParty)}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>Besloten</DataListKey>
        <DataListValue>{formatDateTime(decision.decidedAt)}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>Acties</DataListKey>
        <DataListValue>
          {decision.actions.length === 0 ? 'Geen' : decision.actions.map((action) => `${action.description} (uiterlijk ${formatDate(action.dueDate)})`).join('; ')}
        </DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>Status</DataListKey>
        <DataListValue>
          {HANDOVER_STATUS_LABELS[handover.status]}
          {handover.answeredAt === null ? '' : ` op ${formatDateTime(handover.answeredAt)}`}
        </DataListValue>
      </DataListItem>
      {handover.caseReference === null ? null : (
        <DataListItem>
          <DataListKey>Zaaknummer RIEC</DataListKey>
          <DataListValue>{handover.caseReference}</DataListValue>
        </DataListItem>
      )}
      {handover.returnReason === null ? null : (
        <DataListItem>
          <DataListKey>Reden van teruggeven</DataListKey>
          <DataListValue>{handover.returnReason}</DataListValue>
        </DataListItem>
      )}
    </DataList>
  );
}

function AnswerForms({ user, handover, caseReference, reason, errors }: RiecHandoverPageProps): ReactNode {
  const action = `/riec/overdrachten/${encodeURIComponent(handover.id)}`;
  return (
    <>
      <section aria-labelledby="kop-accepteren" className="sh-form-section">
        <Heading2 id="kop-accepteren">Accepteren als RIEC-casus</Heading2>
        <form method="post" action={`${action}/acceptatie`} noValidate>
          <CsrfField token={user.csrfToken} />
          <TextField
            id={CASE_REFERENCE_FIELD_ID}
            name="caseReference"
            label="Zaaknummer van het RIEC"
            value={caseReference}
            maxLength={200}
            errors={errorsFor(errors, CASE_REFERENCE_FIELD_ID)}
          />
          <Button type="submit" appearance="primary-action-button">
            Overdracht accepteren
          </Button>
        </form>
      </section>
      <section aria-labelledby="kop-teruggeven" className="sh-form-section">
        <Heading2 id="kop-teruggeven">Teruggeven aan de gemeente</Heading2>
        <form method="post" action={`${action}/teruggave`} noValidate>
          <CsrfField token={user.csrfToken} />
          <TextField
            id={RETURN_REASON_FIELD_ID}
            name="reason"
            label="Reden van teruggeven"
            description={`Alleen ${municipalityName(handover.municipality)} krijgt deze reden, versleuteld.`}
            value={reason}
            multiline
            required
            maxLength={4000}
            errors={errorsFor(errors, RETURN_REASON_FIELD_ID)}
          />
          <Button type="submit" appearance="secondary-action-button">
            Overdracht teruggeven
          </Button>
        </form>
      </section>
    </>
  );
}

/** One hand-over: the decision and the signal as the RIEC received them, and the forms to accept or return it. */
export function RiecHandoverPage(props: RiecHandoverPageProps): ReactNode {
  const { handover, errors } = props;
  const title = `Overdracht van ${municipalityName(handover.municipality)}`;
  return (
    <Layout title={errors.length > 0 ? `Fout: ${title}` : title} user={props.user}>
      <ErrorSummary errors={errors} />
      <Paragraph>
        <Link href="/riec/overdrachten">Terug naar de overdrachten</Link>
      </Paragraph>
      <Heading1>{title}</Heading1>
      <section aria-labelledby="kop-besluit">
        <Heading2 id="kop-besluit">Het besluit</Heading2>
        <DecisionDetails handover={handover} />
      </section>
      <section aria-labelledby="kop-melding" className="sh-form-section">
        <Heading2 id="kop-melding">De melding</Heading2>
        {handover.signal === null ? <Paragraph>Het RIEC heeft deze melding niet ontvangen.</Paragraph> : <SignalDetails signal={handover.signal} />}
      </section>
      {handover.status === 'open' ? <AnswerForms {...props} /> : null}
    </Layout>
  );
}
