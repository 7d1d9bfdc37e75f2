import { HIT_LIST_LIMIT, THEME_LABELS, type CrossMunicipalityHit, type HitInformationRequest, type HitInformationStatus, type HitSignal, type MatchTokenKind, type Signal } from '@signaalhub/contracts';
import { Button, Heading1, Heading2, Link, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { CsrfField } from '../components/csrf-field.js';
import { InformationRequestsTable } from '../components/information-requests-table.js';
import { ErrorSummary } from '../components/error-summary.js';
import { SuccessNotice } from '../components/success-notice.js';
import { TextField } from '../components/text-field.js';
import { errorsFor, type FieldError } from '../forms/field-errors.js';
import { hitRequestFieldId } from '../forms/hit-request-form.js';
import { formatDate, formatDateTime, municipalityName } from '../labels/labels.js';
import { signalReference } from '../labels/reference.js';
import { SignalDetails } from './agenda-item-page.js';
import { Layout } from './layout.js';
import type { PageUser } from './page-context.js';

export const HIT_KIND_LABELS: Readonly<Record<MatchTokenKind, string>> = {
  kvk: 'Onderneming (KvK-nummer)',
  address: 'Adres',
  kenteken: 'Voertuig (kenteken)',
  person: 'Persoon',
};

/** A hit's short name: never its token or identifier, only the first part of its opaque id. */
export const hitReference = (id: string): string => id.slice(0, 8).toUpperCase();

/** The cross-municipality hits: kind, themes, how many municipalities, first and last seen. */
export function HitsPage({ user, hits }: { readonly user: PageUser; readonly hits: readonly CrossMunicipalityHit[] }): ReactNode {
  return (
    <Layout title="Treffers tussen gemeenten" user={user} section="treffers">
      <Heading1>Treffers tussen gemeenten</Heading1>
      <Paragraph>
        Een treffer is een onderneming, adres, voertuig of persoon die in meldingen van twee of meer gemeenten voorkomt. Wat er overeenkwam, wordt
        niet getoond; items op de <Link href="/riec/uitsluitingen">uitsluitingslijst</Link> tellen niet mee.
      </Paragraph>
      <Paragraph>
        <Link href="/riec/treffers/export.misp.json" download>
          Treffers downloaden als MISP-event (JSON)
        </Link>
      </Paragraph>
      {hits.length >= HIT_LIST_LIMIT ? (
        <Paragraph>
          Dit zijn de eerste {HIT_LIST_LIMIT.toLocaleString('nl-NL')} treffers: die in de meeste gemeenten voorkomen, de laatst geziene eerst.
        </Paragraph>
      ) : null}
      {hits.length === 0 ? (
        <Paragraph>Er zijn geen treffers tussen gemeenten.</Paragraph>
      ) : (
        <Table>
          <TableCaption>Treffers tussen gemeenten</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Treffer</TableHeaderCell>
              <TableHeaderCell scope="col">Soort</TableHeaderCell>
              <TableHeaderCell scope="col">Thema&apos;s</TableHeaderCell>
              <TableHeaderCell scope="col">Gemeenten</TableHeaderCell>
              <TableHeaderCell scope="col">Eerst gezien</TableHeaderCell>
              <TableHeaderCell scope="col">Laatst gezien</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {hits.map((hit) => (
              <TableRow key={hit.id}>
                <TableCell>
                  <Link href={`/riec/treffers/${encodeURIComponent(hit.id)}`}>Treffer {hitReference(hit.id)}</Link>
                </TableCell>
                <TableCell>{HIT_KIND_LABELS[hit.kind]}</TableCell>
                <TableCell>{hit.themes.map((theme) => THEME_LABELS[theme]).join(', ')}</TableCell>
                <TableCell className="sh-number">{hit.municipalities}</TableCell>
                <TableCell>{formatDate(hit.firstSeen)}</TableCell>
                <TableCell>{formatDate(hit.lastSeen)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Layout>
  );
}

export interface HitPageProps {
  readonly user: PageUser;
  readonly hitId: string;
  readonly signals: readonly HitSignal[];
  /** The liaison's "verzoeken om informatie" about the hit's signals, oldest first. */
  readonly requests: readonly HitInformationRequest[];
  /** The signal whose request form failed, with its errors. */
  readonly failed?: { readonly signalId: string; readonly purpose: string; readonly errors: readonly FieldError[] };
  readonly notice?: string;
}

export const HIT_REQUEST_STATUS_LABELS: Readonly<Record<HitInformationStatus, string>> = {
  open: 'Gevraagd',
  beantwoord: 'Beantwoord',
  geweigerd: 'Geweigerd',
};

const signalAddress = (hitId: string, signalId: string): string => `/riec/treffers/${encodeURIComponent(hitId)}/meldingen/${encodeURIComponent(signalId)}`;

function OpenSignalLink({ hitId, signalId }: { readonly hitId: string; readonly signalId: string }): ReactNode {
  return (
    <Link href={signalAddress(hitId, signalId)}>
      Openen<span className="sh-visually-hidden"> melding {signalReference(signalId)}</span>
    </Link>
  );
}

/**
 * A hit's signals: one the RIEC was sent, or that its municipality gave on a request, opens here ("Openen");
 * for the others the liaison asks the signal's municipality with a "verzoek om informatie" stating the
 * purpose. The requests sent show where they stand: gevraagd, beantwoord or geweigerd with the reason.
 */
export function HitPage({ user, hitId, signals, requests, failed, notice }: HitPageProps): ReactNode {
  const title = `Treffer ${hitReference(hitId)}`;
  const given = new Set(requests.filter((request) => request.status === 'beantwoord').map((request) => request.signalId));
  // Asked and not refused: no second request form for it.
  const asked = new Set(requests.filter((request) => request.status !== 'geweigerd').map((request) => request.signalId));
  return (
    <Layout title={title} user={user} section="treffers">
      <Heading1>{title}</Heading1>
      <SuccessNotice notice={notice} />
      <ErrorSummary errors={failed?.errors ?? []} />
      <Table>
        <TableCaption>Meldingen van deze treffer</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Melding</TableHeaderCell>
            <TableHeaderCell scope="col">Gemeente</TableHeaderCell>
            <TableHeaderCell scope="col">Thema</TableHeaderCell>
            <TableHeaderCell scope="col">Gemeld</TableHeaderCell>
            <TableHeaderCell scope="col">Inzien</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {signals.map((signal) => (
            <TableRow key={signal.signalId}>
              <TableCell>{signalReference(signal.signalId)}</TableCell>
              <TableCell>{municipalityName(signal.municipality)}</TableCell>
              <TableCell>{THEME_LABELS[signal.theme]}</TableCell>
              <TableCell>{formatDateTime(signal.submittedAt)}</TableCell>
              <TableCell>
                {signal.sentToRiec || given.has(signal.signalId) ? <OpenSignalLink hitId={hitId} signalId={signal.signalId} /> : 'Niet aan het RIEC gestuurd'}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <HitRequests hitId={hitId} requests={requests} />
      {signals
        .filter((signal) => !signal.sentToRiec && !asked.has(signal.signalId))
        .map((signal) => {
          const fieldId = hitRequestFieldId(signal.signalId);
          const failedHere = failed?.signalId === signal.signalId ? failed : undefined;
          return (
            <form key={signal.signalId} method="post" action={`/riec/treffers/${encodeURIComponent(hitId)}/verzoeken`} noValidate className="sh-card" aria-labelledby={`kop-${fieldId}`}>
              <Heading2 id={`kop-${fieldId}`}>
                Verzoek om informatie: melding {signalReference(signal.signalId)} van {municipalityName(signal.municipality)}
              </Heading2>
              <CsrfField token={user.csrfToken} />
              <input type="hidden" name="signalId" value={signal.signalId} />
              <TextField
                id={fieldId}
                name="purpose"
                label="Doel en grondslag van het verzoek"
                value={failedHere?.purpose ?? ''}
                multiline
                required
                description={`Alleen de gemeente ${municipalityName(signal.municipality)} leest het doel.`}
                errors={errorsFor(failedHere?.errors ?? [], fieldId)}
              />
              <div className="sh-action-row">
                <Button type="submit" appearance="secondary-action-button">
                  Verzoek om informatie versturen
                </Button>
              </div>
            </form>
          );
        })}
    </Layout>
  );
}

/** The requests sent about the hit's signals: when, where they stand, and the answer. */
function HitRequests({ hitId, requests }: { readonly hitId: string; readonly requests: readonly HitInformationRequest[] }): ReactNode {
  return (
    <section aria-labelledby="kop-verzoeken">
      <Heading2 id="kop-verzoeken">Verzoeken om informatie</Heading2>
      <InformationRequestsTable
        requests={requests}
        sentHeading="Gevraagd"
        status={(request) => `${HIT_REQUEST_STATUS_LABELS[request.status]}${request.answeredAt === null ? '' : ` op ${formatDateTime(request.answeredAt)}`}`}
        answer={(request) => <RequestAnswer hitId={hitId} request={request} />}
      />
    </section>
  );
}

function RequestAnswer({ hitId, request }: { readonly hitId: string; readonly request: HitInformationRequest }): ReactNode {
  if (request.status === 'open') return 'Nog geen antwoord';
  if (request.status === 'geweigerd') return `Reden van weigering: ${request.refusalReason ?? ''}`;
  return <OpenSignalLink hitId={hitId} signalId={request.signalId} />;
}

/** A signal of a hit the RIEC was sent or given on a request, opened as the RIEC's party (the feed audited it). */
export function HitSignalPage({ user, hitId, signal }: { readonly user: PageUser; readonly hitId: string; readonly signal: Signal }): ReactNode {
  const title = `Melding ${signalReference(signal.id)} van ${municipalityName(signal.municipality)}`;
  return (
    <Layout title={title} user={user} section="treffers">
      <Heading1>{title}</Heading1>
      <Paragraph>
        Deze melding is aan het RIEC gestuurd of op een verzoek om informatie gegeven, en hoort bij <Link href={`/riec/treffers/${encodeURIComponent(hitId)}`}>treffer {hitReference(hitId)}</Link>. Het inzien is vastgelegd.
      </Paragraph>
      <SignalDetails signal={signal} />
    </Layout>
  );
}
