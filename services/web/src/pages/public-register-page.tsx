import { AUTOBRANCHE_ACTIVITY_LABELS, type PublicRegister, type PublicRegisterEntry, type PublicRegisterField, type PublicRegisterStatus } from '@signaalhub/contracts';
import {
  Button,
  Heading1,
  Heading2,
  Link,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { ErrorSummary } from '../components/error-summary.js';
import { TextField } from '../components/text-field.js';
import { errorsFor, type FieldError } from '../forms/field-errors.js';
import { formatDate, municipalityName } from '../labels/labels.js';
import { Layout } from './layout.js';

/** The date field of the form: also the query parameter of the page and its open data. */
export const REGISTER_DATE_FIELD = 'datum';
/** The page of the table (`?pagina=`, from 1); the open data are never split. */
export const REGISTER_PAGE_FIELD = 'pagina';
/** Rows per page: a table a screen reader and a phone can still take in; the whole register is in the open data. */
export const REGISTER_PAGE_SIZE = 100;

const STATUS_LABELS: Readonly<Record<PublicRegisterStatus, string>> = {
  verleend: 'Verleend',
  geschorst: 'Geschorst',
  ingetrokken: 'Ingetrokken',
  vervallen: 'Vervallen',
};

const COLUMNS: Readonly<Record<PublicRegisterField, { readonly heading: string; readonly cell: (entry: PublicRegisterEntry) => string }>> = {
  tradeName: { heading: 'Handelsnaam', cell: (entry) => entry.tradeName ?? '' },
  address: {
    heading: 'Adres',
    cell: (entry) => (entry.address === undefined ? '' : `${entry.address.postcode} ${String(entry.address.huisnummer)}${entry.address.toevoeging === undefined ? '' : ` ${entry.address.toevoeging}`}`),
  },
  activities: { heading: 'Activiteiten', cell: (entry) => (entry.activities ?? []).map((activity) => AUTOBRANCHE_ACTIVITY_LABELS[activity]).join(', ') },
  permitNumber: { heading: 'Vergunningnummer', cell: (entry) => entry.permitNumber ?? '' },
  validFrom: { heading: 'Geldig vanaf', cell: (entry) => (entry.validFrom === undefined ? '' : formatDate(entry.validFrom)) },
  validUntil: { heading: 'Geldig tot en met', cell: (entry) => (entry.validUntil === undefined ? '' : formatDate(entry.validUntil)) },
  status: { heading: 'Status', cell: (entry) => (entry.status === undefined ? '' : STATUS_LABELS[entry.status]) },
  publishedOn: { heading: 'Bekendgemaakt op', cell: (entry) => (entry.publishedOn === undefined ? '' : formatDate(entry.publishedOn)) },
};

/** The address of a municipality's register page (`pageNumber`), or its open data (`.json`, `.csv`), as it stood on `date`. */
export function registerAddress(municipality: string, date: string | undefined, format?: 'json' | 'csv', pageNumber = 1): string {
  const path = `/openbaar-register/${encodeURIComponent(municipality)}${format === undefined ? '' : `/register.${format}`}`;
  const query = new URLSearchParams({ ...(date === undefined ? {} : { [REGISTER_DATE_FIELD]: date }), ...(pageNumber > 1 ? { [REGISTER_PAGE_FIELD]: String(pageNumber) } : {}) });
  return query.size === 0 ? path : `${path}?${query.toString()}`;
}

export interface PublicRegisterPageProps {
  readonly municipality: string;
  /** Undefined when the date asked was refused (`errors` says why). */
  readonly register: PublicRegister | undefined;
  /** The date as the visitor typed it, shown again in the form. */
  readonly dateAsked: string;
  readonly errors: readonly FieldError[];
  /** The page of the table asked (from 1; past the last page shows the last). */
  readonly pageNumber: number;
}

/** The public register of one municipality (no sign-in): the permits as published on a day, the withdrawn entries, and the open data. */
export function PublicRegisterPage({ municipality, register, dateAsked, errors, pageNumber }: PublicRegisterPageProps): ReactNode {
  const name = municipalityName(municipality);
  const title = `Openbaar register autobranche ${name}`;
  const asked = dateAsked === '' ? undefined : dateAsked;
  return (
    <Layout title={errors.length > 0 ? `Fout: ${title}` : title}>
      <ErrorSummary errors={errors} />
      <Heading1>{title}</Heading1>
      <Paragraph>
        De vergunningen voor autobedrijven die de gemeente {name} heeft verleend, met hun status. Een ingetrokken of vervallen vergunning blijft na het besluit nog
        een termijn zichtbaar en wordt daarna uit het register verwijderd. Personen, gronden en voorwaarden worden niet gepubliceerd.
      </Paragraph>
      <form method="get" action={registerAddress(municipality, undefined)} noValidate>
        <TextField
          id={REGISTER_DATE_FIELD}
          name={REGISTER_DATE_FIELD}
          label="Register zoals het was op"
          type="date"
          value={dateAsked}
          description="Een datum tot en met vandaag, als JJJJ-MM-DD. Leeg: vandaag."
          errors={errorsFor(errors, REGISTER_DATE_FIELD)}
        />
        <Button type="submit" appearance="secondary-action-button">
          Register tonen
        </Button>
      </form>
      {register === undefined ? null : <RegisterTable municipality={municipality} register={register} pageNumber={pageNumber} />}
      <Heading2>Open data</Heading2>
      <UnorderedList>
        <UnorderedListItem>
          <Link href={registerAddress(municipality, register?.date ?? asked, 'json')}>Dit register als JSON</Link>
        </UnorderedListItem>
        <UnorderedListItem>
          <Link href={registerAddress(municipality, register?.date ?? asked, 'csv')}>Dit register als CSV</Link>
        </UnorderedListItem>
      </UnorderedList>
    </Layout>
  );
}

function RegisterTable({ municipality, register, pageNumber }: { readonly municipality: string; readonly register: PublicRegister; readonly pageNumber: number }): ReactNode {
  const columns = register.fields.map((field) => ({ field, ...COLUMNS[field] }));
  const pages = Math.max(1, Math.ceil(register.entries.length / REGISTER_PAGE_SIZE));
  const shown = Math.min(Math.max(1, pageNumber), pages);
  const entries = register.entries.slice((shown - 1) * REGISTER_PAGE_SIZE, shown * REGISTER_PAGE_SIZE);
  return (
    <>
      <Heading2>Vergunningen op {formatDate(register.date)}</Heading2>
      {register.entries.length === 0 ? null : (
        <Paragraph>
          {register.entries.length === 1 ? '1 vergunning' : `${String(register.entries.length)} vergunningen`}
          {pages === 1 ? '' : `, pagina ${String(shown)} van ${String(pages)}`}.
        </Paragraph>
      )}
      {register.entries.length === 0 ? (
        <Paragraph>Op deze datum staan er geen vergunningen in het register.</Paragraph>
      ) : (
        <Table>
          <TableCaption className="sh-visually-hidden">Vergunningen op {formatDate(register.date)}</TableCaption>
          <TableHeader>
            <TableRow>
              {columns.map((column) => (
                <TableHeaderCell key={column.field} scope="col">
                  {column.heading}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {entries.map((entry, index) => (
              <TableRow key={entry.permitNumber ?? String(index)}>
                {columns.map((column) => (
                  <TableCell key={column.field}>{column.cell(entry)}</TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {pages === 1 ? null : (
        <nav className="sh-pagination" aria-label="Pagina's van het register">
          <UnorderedList>
            {shown > 1 ? (
              <UnorderedListItem>
                <Link href={registerAddress(municipality, register.date, undefined, shown - 1)}>Vorige pagina</Link>
              </UnorderedListItem>
            ) : null}
            {shown < pages ? (
              <UnorderedListItem>
                <Link href={registerAddress(municipality, register.date, undefined, shown + 1)}>Volgende pagina</Link>
              </UnorderedListItem>
            ) : null}
          </UnorderedList>
        </nav>
      )}
      {register.withdrawn.length === 0 ? null : (
        <>
          <Heading2>Verwijderde vermeldingen</Heading2>
          <Paragraph>Na afloop van hun publicatietermijn zijn deze vermeldingen uit het register verwijderd. Ze worden voor geen enkele datum meer getoond.</Paragraph>
          <UnorderedList>
            {register.withdrawn.map((tombstone, index) => (
              <UnorderedListItem key={`${tombstone.withdrawnOn}-${String(index)}`}>Vermelding verwijderd op {formatDate(tombstone.withdrawnOn)}</UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      )}
    </>
  );
}

/** The municipalities with a public register. */
export function PublicRegistersPage({ municipalities }: { readonly municipalities: readonly string[] }): ReactNode {
  return (
    <Layout title="Openbaar register">
      <Heading1>Openbaar register</Heading1>
      <Paragraph>De openbare registers van vergunningen voor autobedrijven, per gemeente.</Paragraph>
      <UnorderedList>
        {municipalities.map((municipality) => (
          <UnorderedListItem key={municipality}>
            <Link href={registerAddress(municipality, undefined)}>Openbaar register autobranche {municipalityName(municipality)}</Link>
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </Layout>
  );
}
