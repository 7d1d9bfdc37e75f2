import type { PoolInformationRequest, PoolInformationStatus, ScreeningDetail } from '@signaalhub/contracts';
import { Button, Heading2, Link, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { CsrfField } from '../components/csrf-field.js';
import { InformationRequestsTable } from '../components/information-requests-table.js';
import { SelectField } from '../components/select-field.js';
import { TextField } from '../components/text-field.js';
import { errorsFor, type FieldError } from '../forms/field-errors.js';
import { ACTION_FIELD_IDS } from '../forms/screening-actions.js';
import { municipalityName } from '../labels/labels.js';
import { signalReference } from '../labels/reference.js';

export const POOL_REQUEST_STATUS_LABELS: Readonly<Record<PoolInformationStatus, string>> = {
  open: 'Open',
  beantwoord: 'Beantwoord',
  geweigerd: 'Geweigerd',
};

export interface ScreeningInformationRequestsProps {
  readonly screening: ScreeningDetail;
  readonly requests: readonly PoolInformationRequest[];
  readonly csrfToken: string;
  readonly errors: readonly FieldError[];
}

/**
 * "Verzoek om informatie" (coordinators only): the hit signals by owning municipality and kenmerk (what
 * matched is never shown), the requests sent with their status and a refusal's reason, a link to an
 * answered signal (opened on its own page, audited), and the form for a new request.
 */
export function ScreeningInformationRequests({ screening, requests, csrfToken, errors }: ScreeningInformationRequestsProps): ReactNode {
  const options = screening.hits.signals.flatMap(({ municipality, signalIds }) =>
    signalIds.map((signalId) => ({ value: signalId, label: `Melding ${signalReference(signalId)} van ${municipalityName(municipality)}` })),
  );
  return (
    <section aria-labelledby="kop-informatieverzoeken">
      <Heading2 id="kop-informatieverzoeken">Verzoeken om informatie</Heading2>
      <InformationRequestsTable
        requests={requests}
        sentHeading="Verstuurd"
        purpose={(request) => request.purpose}
        status={(request) => POOL_REQUEST_STATUS_LABELS[request.status]}
        answer={(request) => <Answer screeningId={screening.id} request={request} />}
      />
      {options.length === 0 ? (
        <Paragraph>Er zijn geen treffers in meldingen: er is niets om informatie over te vragen.</Paragraph>
      ) : (
        <form method="post" action={`/toetsen/${encodeURIComponent(screening.id)}/informatieverzoeken`} noValidate>
          <CsrfField token={csrfToken} />
          <SelectField
            id={ACTION_FIELD_IDS.requestSignal}
            name="signalId"
            label="Melding"
            value=""
            placeholder="Kies een melding"
            options={options}
            errors={errorsFor(errors, ACTION_FIELD_IDS.requestSignal)}
          />
          <TextField
            id={ACTION_FIELD_IDS.requestPurpose}
            name="purpose"
            label="Doel en grondslag van het verzoek"
            value=""
            multiline
            required
            description="Alleen de gemeente die de melding heeft, leest het doel."
            errors={errorsFor(errors, ACTION_FIELD_IDS.requestPurpose)}
          />
          <div className="sh-action-row">
            <Button type="submit" appearance="secondary-action-button">
              Verzoek versturen
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

function Answer({ screeningId, request }: { readonly screeningId: string; readonly request: PoolInformationRequest }): ReactNode {
  if (request.status === 'open') return 'Nog geen antwoord';
  if (request.status === 'geweigerd') return `Geweigerd: ${request.refusalReason ?? ''}`;
  return (
    <Link href={`/toetsen/${encodeURIComponent(screeningId)}/informatieverzoeken/${encodeURIComponent(request.id)}`}>
      Melding {signalReference(request.signalId)} bekijken
    </Link>
  );
}
