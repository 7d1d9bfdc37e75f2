import type { OpenedInformationRequest } from '@signaalhub/contracts';
import { Button, DataList, DataListItem, DataListKey, DataListValue, Heading1, Heading2, Link, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { CsrfField } from '../components/csrf-field.js';
import { ErrorSummary } from '../components/error-summary.js';
import { TextField } from '../components/text-field.js';
import { errorsFor, type FieldError } from '../forms/field-errors.js';
import { formatDateTime, municipalityName, partyLabel } from '../labels/labels.js';
import { signalReference } from '../labels/reference.js';
import { INFORMATION_STATUS_LABELS } from './information-requests-page.js';
import { Layout } from './layout.js';
import type { PageUser } from './page-context.js';

export const REFUSAL_REASON_FIELD_ID = 'reden-weigering';

export interface InformationRequestPageProps {
  readonly user: PageUser;
  readonly opened: OpenedInformationRequest;
  readonly reason: string;
  readonly errors: readonly FieldError[];
}

function RequestDetails({ opened }: { readonly opened: OpenedInformationRequest }): ReactNode {
  const { request } = opened;
  return (
    <DataList>
      <DataListItem>
        <DataListKey>Verzoeker</DataListKey>
        <DataListValue>
          {partyLabel(opened.requestedBy.party)} (gebruiker {opened.requestedBy.userId})
        </DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>Ontvangen</DataListKey>
        <DataListValue>{formatDateTime(request.receivedAt)}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>Gevraagd</DataListKey>
        <DataListValue>
          {opened.signal === undefined ? (
            `Melding met kenmerk ${signalReference(request.signalId)} (niet bekend bij het overleg van ${municipalityName(request.municipality)})`
          ) : (
            <Link href={`/agenda/punten/${encodeURIComponent(opened.signal.itemId)}`}>Melding met kenmerk {signalReference(request.signalId)}</Link>
          )}
        </DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>Treffers</DataListKey>
        <DataListValue>{opened.matchTokenCount === 1 ? '1 kenmerk van de melding' : `${opened.matchTokenCount} kenmerken van de melding`}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>Doel en grondslag</DataListKey>
        <DataListValue>{opened.purpose}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>Status</DataListKey>
        <DataListValue>{INFORMATION_STATUS_LABELS[request.status]}</DataListValue>
      </DataListItem>
    </DataList>
  );
}

function Handling({ opened }: { readonly opened: OpenedInformationRequest }): ReactNode {
  const { handling } = opened;
  if (handling === undefined) return null;
  return (
    <section aria-labelledby="kop-afhandeling" className="sh-form-section">
      <Heading2 id="kop-afhandeling">Afhandeling</Heading2>
      <DataList>
        <DataListItem>
          <DataListKey>Uitkomst</DataListKey>
          <DataListValue>{handling.outcome === 'answered' ? 'De melding is verstrekt aan de verzoeker.' : 'Het verzoek is geweigerd.'}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Door</DataListKey>
          <DataListValue>
            {partyLabel(handling.by.party)} (gebruiker {handling.by.userId}) op {formatDateTime(handling.at)}
          </DataListValue>
        </DataListItem>
        {handling.reason === undefined ? null : (
          <DataListItem>
            <DataListKey>Reden van weigering</DataListKey>
            <DataListValue>{handling.reason}</DataListValue>
          </DataListItem>
        )}
      </DataList>
    </section>
  );
}

function ResponseForms({ user, opened, reason, errors }: InformationRequestPageProps): ReactNode {
  const action = `/verzoeken/${encodeURIComponent(opened.request.id)}`;
  return (
    <>
      <section aria-labelledby="kop-verstrekken" className="sh-form-section">
        <Heading2 id="kop-verstrekken">Melding verstrekken</Heading2>
        {opened.signal === undefined ? (
          <Paragraph>Deze melding staat niet op de agenda van het overleg en kan niet worden verstrekt. U kunt het verzoek weigeren.</Paragraph>
        ) : (
          <form method="post" action={`${action}/antwoord`}>
            <CsrfField token={user.csrfToken} />
            <Paragraph>De volledige melding gaat versleuteld naar {partyLabel(opened.requestedBy.party)}, en naar niemand anders.</Paragraph>
            <Button type="submit" appearance="primary-action-button">
              Melding verstrekken
            </Button>
          </form>
        )}
      </section>
      <section aria-labelledby="kop-weigeren" className="sh-form-section">
        <Heading2 id="kop-weigeren">Verzoek weigeren</Heading2>
        <form method="post" action={`${action}/weigering`} noValidate>
          <CsrfField token={user.csrfToken} />
          <TextField
            id={REFUSAL_REASON_FIELD_ID}
            name="reason"
            label="Reden van weigering"
            description="De verzoeker krijgt deze reden versleuteld te zien."
            value={reason}
            multiline
            required
            maxLength={4000}
            errors={errorsFor(errors, REFUSAL_REASON_FIELD_ID)}
          />
          <Button type="submit" appearance="secondary-action-button">
            Verzoek weigeren
          </Button>
        </form>
      </section>
    </>
  );
}

/** One information request: what is asked and why, and the forms to give the signal or refuse with a reason. */
export function InformationRequestPage(props: InformationRequestPageProps): ReactNode {
  const { opened, errors } = props;
  const title = `Verzoek om informatie van ${partyLabel(opened.request.requesterParty)}`;
  return (
    <Layout title={errors.length > 0 ? `Fout: ${title}` : title} user={props.user} section="verzoeken">
      <ErrorSummary errors={errors} />
      <Paragraph>
        <Link href="/verzoeken">Terug naar de verzoeken</Link>
      </Paragraph>
      <Heading1>{title}</Heading1>
      <section aria-labelledby="kop-verzoek">
        <Heading2 id="kop-verzoek">Het verzoek</Heading2>
        <RequestDetails opened={opened} />
      </section>
      {opened.request.status === 'open' ? <ResponseForms {...props} /> : <Handling opened={opened} />}
    </Layout>
  );
}
