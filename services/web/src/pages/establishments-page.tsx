import type { EstablishmentSummary } from '@signaalhub/contracts';
import { Button, ButtonLink, Heading1, Heading2, Link, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { ErrorSummary } from '../components/error-summary.js';
import { SuccessNotice } from '../components/success-notice.js';
import { TextField } from '../components/text-field.js';
import { errorsFor, type FieldError } from '../forms/field-errors.js';
import { ESTABLISHMENT_SEARCH_FIELD_IDS, type EstablishmentSearchValues } from '../forms/establishment-search.js';
import { municipalityName } from '../labels/labels.js';
import { activitiesText, visitingAddressText } from '../labels/registry-labels.js';
import { Layout } from './layout.js';
import type { PageUser } from './page-context.js';

export interface EstablishmentsPageProps {
  readonly user: PageUser;
  readonly municipality: string;
  readonly search: EstablishmentSearchValues;
  /** Undefined when the search was refused (errors). */
  readonly establishments: readonly EstablishmentSummary[] | undefined;
  readonly errors: readonly FieldError[];
  readonly notice?: string;
}

/** The register's establishments of the officer's municipality: a search (GET, works without scripts) and the list. */
export function EstablishmentsPage({ user, municipality, search, establishments, errors, notice }: EstablishmentsPageProps): ReactNode {
  const title = `Vestigingen in ${municipalityName(municipality)}`;
  const ids = ESTABLISHMENT_SEARCH_FIELD_IDS;
  const searched = [search.tradeName, search.kvkNumber, search.vestigingsnummer, search.postcode].some((value) => value.trim() !== '');
  return (
    <Layout title={errors.length > 0 ? `Fout: ${title}` : title} user={user} section="vestigingen">
      <ErrorSummary errors={errors} />
      <Heading1>{title}</Heading1>
      <SuccessNotice notice={notice} />
      <Paragraph>De vestigingen in het vergunningenregister autobranche. Zoek op handelsnaam, KvK-nummer, vestigingsnummer of postcode; u kunt zoekvelden combineren.</Paragraph>
      <Paragraph>
        <ButtonLink href="/vestigingen/nieuw" appearance="secondary-action-button">
          Nieuwe vestiging inschrijven
        </ButtonLink>
      </Paragraph>
      <form method="get" action="/vestigingen" noValidate className="sh-filter" role="search" aria-label="Vestigingen zoeken">
        <TextField id={ids.tradeName} name="tradeName" label="Handelsnaam (of een deel ervan)" value={search.tradeName} errors={errorsFor(errors, ids.tradeName)} />
        <TextField id={ids.kvkNumber} name="kvkNumber" label="KvK-nummer" inputMode="numeric" value={search.kvkNumber} errors={errorsFor(errors, ids.kvkNumber)} />
        <TextField id={ids.vestigingsnummer} name="vestigingsnummer" label="Vestigingsnummer" inputMode="numeric" value={search.vestigingsnummer} errors={errorsFor(errors, ids.vestigingsnummer)} />
        <TextField id={ids.postcode} name="postcode" label="Postcode" value={search.postcode} errors={errorsFor(errors, ids.postcode)} />
        <Button type="submit" appearance="primary-action-button">
          Zoeken
        </Button>
      </form>
      <section aria-labelledby="kop-resultaten">
        <Heading2 id="kop-resultaten">{searched ? 'Gevonden vestigingen' : 'Alle vestigingen'}</Heading2>
        {establishments === undefined ? null : establishments.length === 0 ? (
          <Paragraph>Er zijn geen vestigingen gevonden.</Paragraph>
        ) : (
          <Table>
            <TableCaption className="sh-visually-hidden">{searched ? 'Gevonden vestigingen' : 'Alle vestigingen'}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Handelsnaam</TableHeaderCell>
                <TableHeaderCell scope="col">Vestigingsnummer</TableHeaderCell>
                <TableHeaderCell scope="col">Adres</TableHeaderCell>
                <TableHeaderCell scope="col">Activiteiten</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {establishments.map((establishment) => (
                <TableRow key={establishment.id}>
                  <TableCell>
                    <Link href={`/vestigingen/${encodeURIComponent(establishment.id)}`}>{establishment.tradeName}</Link>
                  </TableCell>
                  <TableCell>{establishment.vestigingsnummer}</TableCell>
                  <TableCell>{visitingAddressText(establishment.address)}</TableCell>
                  <TableCell>{activitiesText(establishment.activities)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
    </Layout>
  );
}
