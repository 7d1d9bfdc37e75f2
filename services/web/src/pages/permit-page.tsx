import type { PermitDetail } from '@signaalhub/contracts';
import { Heading1, Heading2, Link, OrderedList, OrderedListItem, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { ErrorSummary } from '../components/error-summary.js';
import { SuccessNotice } from '../components/success-notice.js';
import { PermitActionForm } from '../components/permit-action-form.js';
import { TextField } from '../components/text-field.js';
import { errorsFor, type FieldError } from '../forms/field-errors.js';
import { EXPIRY_GROUND_LABELS, permitField, REVOCATION_GROUND_LABELS } from '../forms/permit-action-form.js';
import { formatDate, formatDateTime } from '../labels/labels.js';
import { PERMIT_ACTION_LABELS, PERMIT_STATUS_LABELS, registryActorLabel, ZIENSWIJZE_LABELS } from '../labels/registry-labels.js';
import { Layout } from './layout.js';
import type { PageUser } from './page-context.js';

export interface PermitPageProps {
  readonly user: PageUser;
  readonly permit: PermitDetail;
  readonly today: string;
  readonly errors: readonly FieldError[];
  readonly notice?: string;
}

/** A permit: status and validity, conditions, history with who, when and why, and what may still change in its status. */
export function PermitPage({ user, permit, today, errors, notice }: PermitPageProps): ReactNode {
  const title = `Vergunning ${permit.permitNumber ?? '(nog zonder nummer)'}: ${PERMIT_STATUS_LABELS[permit.status].toLowerCase()}`;
  const postTo = `/vergunningen/${encodeURIComponent(permit.id)}/acties`;
  const common = { postTo, csrfToken: user.csrfToken, errors, today };
  const active = permit.status === 'verleend' || permit.status === 'geschorst';
  return (
    <Layout title={errors.length > 0 ? `Fout: ${title}` : title} user={user} section="aanvragen">
      <ErrorSummary errors={errors} />
      <Heading1>{title}</Heading1>
      <SuccessNotice notice={notice} />
      <section aria-labelledby="kop-gegevens">
        <Heading2 id="kop-gegevens">Gegevens</Heading2>
        <dl className="sh-facts">
          <div>
            <dt>Status</dt>
            <dd>{PERMIT_STATUS_LABELS[permit.status]}</dd>
          </div>
          <div>
            <dt>Geldig</dt>
            <dd>{permit.validFrom === null || permit.validUntil === null ? 'Nog niet verleend' : `${formatDate(permit.validFrom)} tot en met ${formatDate(permit.validUntil)}`}</dd>
          </div>
          {permit.suspendedFrom === null || permit.suspendedUntil === null ? null : (
            <div>
              <dt>Geschorst</dt>
              <dd>
                {formatDate(permit.suspendedFrom)} tot en met {formatDate(permit.suspendedUntil)}
              </dd>
            </div>
          )}
          <div>
            <dt>Zienswijze</dt>
            <dd>{ZIENSWIJZE_LABELS[permit.zienswijze]}</dd>
          </div>
          <div>
            <dt>Aanvraag en vestiging</dt>
            <dd>
              <Link href={`/aanvragen/${encodeURIComponent(permit.applicationId)}`}>De aanvraag</Link>,{' '}
              <Link href={`/vestigingen/${encodeURIComponent(permit.establishmentId)}`}>de vestiging</Link>
            </dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="kop-voorschriften">
        <Heading2 id="kop-voorschriften">Voorschriften</Heading2>
        {permit.conditions.length === 0 ? (
          <Paragraph>De vergunning heeft (nog) geen voorschriften.</Paragraph>
        ) : (
          <Table>
            <TableCaption className="sh-visually-hidden">Voorschriften</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Voorschrift</TableHeaderCell>
                <TableHeaderCell scope="col">Wettelijke grondslag</TableHeaderCell>
                <TableHeaderCell scope="col">Soort</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {permit.conditions.map((condition, index) => (
                <TableRow key={index}>
                  <TableCell>{condition.text}</TableCell>
                  <TableCell>{condition.legalBasis}</TableCell>
                  <TableCell>
                    {condition.kind === 'standaard' ? 'Standaard' : 'Voor dit geval'}
                    {condition.fromBibob ? ', uit de Bibob-conclusie (vertrouwelijk)' : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
      <section aria-labelledby="kop-geschiedenis">
        <Heading2 id="kop-geschiedenis">Geschiedenis</Heading2>
        {permit.history.length === 0 ? (
          <Paragraph>Nog geen besluiten.</Paragraph>
        ) : (
          <OrderedList className="sh-timeline">
            {permit.history.map((entry, index) => (
              <OrderedListItem key={index}>
                <strong>{PERMIT_ACTION_LABELS[entry.action]}</strong> – {formatDateTime(entry.at)}, door {registryActorLabel(entry.actor)}, datum {formatDate(entry.date)}
                {entry.fromStatus === entry.toStatus ? null : ` (${PERMIT_STATUS_LABELS[entry.fromStatus].toLowerCase()} → ${PERMIT_STATUS_LABELS[entry.toStatus].toLowerCase()})`}. Reden:{' '}
                {entry.reason}
              </OrderedListItem>
            ))}
          </OrderedList>
        )}
      </section>
      {permit.status === 'aangevraagd' ? (
        <Paragraph>
          Op de aanvraag is nog niet besloten. <Link href={`/aanvragen/${encodeURIComponent(permit.applicationId)}`}>Naar het besluit op de aanvraag</Link>
        </Paragraph>
      ) : null}
      {active ? (
        <section aria-labelledby="kop-wijzigen">
          <Heading2 id="kop-wijzigen">Wijzigen</Heading2>
          {permit.status === 'verleend' ? (
            <PermitActionForm action="schorsen" heading="Schorsen" submitLabel="Vergunning schorsen" {...common}>
              <TextField id={permitField('schorsen', 'from')} name="suspendedFrom" label="Geschorst vanaf" type="date" value={today} required errors={errorsFor(errors, permitField('schorsen', 'from'))} />
              <TextField id={permitField('schorsen', 'until')} name="suspendedUntil" label="Geschorst tot en met" type="date" value="" required errors={errorsFor(errors, permitField('schorsen', 'until'))} />
            </PermitActionForm>
          ) : (
            <PermitActionForm action="schorsing-opheffen" heading="Schorsing opheffen" submitLabel="Schorsing opheffen" {...common} />
          )}
          {permit.zienswijze === 'gevraagd' ? (
            <PermitActionForm action="zienswijze-ontvangen" heading="Zienswijze ontvangen" submitLabel="Zienswijze vastleggen" {...common} />
          ) : (
            <PermitActionForm
              action="zienswijze-vragen"
              heading="Zienswijze vragen"
              intro="Vóór een intrekking die de houder niet zelf vroeg (art. 4:8 Awb, art. 33 Wet Bibob)."
              submitLabel="Zienswijze vragen"
              {...common}
            />
          )}
          <PermitActionForm
            action="intrekken"
            heading="Intrekken"
            intro="Bij Bibob of een overtreden voorschrift pas nadat de zienswijze is ontvangen."
            submitLabel="Vergunning intrekken"
            grounds={REVOCATION_GROUND_LABELS}
            {...common}
          />
          <PermitActionForm action="laten-vervallen" heading="Laten vervallen" submitLabel="Vergunning laten vervallen" grounds={EXPIRY_GROUND_LABELS} {...common} />
        </section>
      ) : null}
    </Layout>
  );
}
