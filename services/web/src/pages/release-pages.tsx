import type { ReleaseJson, ReleaseSummary } from '@signaalhub/contracts';
import { Button, DataList, DataListItem, DataListKey, DataListValue, Heading1, Heading2, Link, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { CsrfField } from '../components/csrf-field.js';
import { ErrorSummary } from '../components/error-summary.js';
import { ReleaseLegend, ReleaseTable } from '../components/release-table.js';
import { SuccessNotice } from '../components/success-notice.js';
import { TextField } from '../components/text-field.js';
import { errorsFor, type FieldError } from '../forms/field-errors.js';
import { RELEASE_FORM_FIELD_ID } from '../forms/release-form.js';
import { formatDateTime } from '../labels/labels.js';
import { Layout } from './layout.js';
import type { PageUser } from './page-context.js';
import { periodLabel } from './release-view.js';

export interface ReleasesPageProps {
  readonly user: PageUser;
  readonly releases: readonly ReleaseSummary[];
  readonly period: string;
  readonly errors: readonly FieldError[];
  readonly notice?: string;
}

/** The RIEC's releases, newest first, and the form that builds the releases of a month. */
export function ReleasesPage({ user, releases, period, errors, notice }: ReleasesPageProps): ReactNode {
  return (
    <Layout title="Publicaties" user={user} section="publicaties">
      <Heading1>Publicaties</Heading1>
      <SuccessNotice notice={notice} />
      <ErrorSummary errors={errors} />
      {releases.length === 0 ? (
        <Paragraph>Er zijn nog geen publicaties.</Paragraph>
      ) : (
        <Table>
          <TableCaption>Publicaties aan het RIEC</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Maand</TableHeaderCell>
              <TableHeaderCell scope="col">Nummer</TableHeaderCell>
              <TableHeaderCell scope="col">Samengesteld</TableHeaderCell>
              <TableHeaderCell scope="col">Drempel k</TableHeaderCell>
              <TableHeaderCell scope="col">Niet gepubliceerde cellen</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {[...releases].reverse().map((release) => (
              <TableRow key={release.id}>
                <TableCell>
                  <Link href={`/riec/publicaties/${encodeURIComponent(release.id)}`}>{periodLabel(release.period)}</Link>
                </TableCell>
                <TableCell>{release.sequence}</TableCell>
                <TableCell>{formatDateTime(release.builtAt)}</TableCell>
                <TableCell>{release.k}</TableCell>
                <TableCell>{release.suppressedCells}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <form method="post" action="/riec/publicaties" noValidate className="sh-card" aria-labelledby="kop-samenstellen">
        <Heading2 id="kop-samenstellen">Publicatie samenstellen</Heading2>
        <Paragraph>Stelt de publicaties van een afgelopen maand samen: voor het RIEC en voor elke gemeente.</Paragraph>
        <CsrfField token={user.csrfToken} />
        <TextField id={RELEASE_FORM_FIELD_ID} name="period" label="Maand" description="Jaar en maand, bijvoorbeeld 2026-03" value={period} required errors={errorsFor(errors, RELEASE_FORM_FIELD_ID)} />
        <div className="sh-action-row">
          <Button type="submit" appearance="primary-action-button">
            Publicatie samenstellen
          </Button>
        </div>
      </form>
    </Layout>
  );
}

/** One release: its statement (k, method, suppressed cells, notes), every table and the downloads. */
export function ReleasePage({ user, release }: { readonly user: PageUser; readonly release: ReleaseJson }): ReactNode {
  const title = `Publicatie ${periodLabel(release.period)}`;
  const base = `/riec/publicaties/${encodeURIComponent(release.id)}`;
  return (
    <Layout title={title} user={user} section="publicaties">
      <Heading1>{title}</Heading1>
      <ReleaseStatement release={release} />
      <Heading2>Downloads</Heading2>
      <UnorderedList>
        <UnorderedListItem>
          <Link href={`${base}/export.csv`} download>
            Tabellen als CSV
          </Link>
        </UnorderedListItem>
        <UnorderedListItem>
          <Link href={`${base}/export.json`} download>
            Publicatie als JSON
          </Link>
        </UnorderedListItem>
      </UnorderedList>
      {release.tables.map((table) => (
        <section key={table.id} aria-labelledby={`kop-${table.id.replaceAll('/', '-')}`}>
          <Heading2 id={`kop-${table.id.replaceAll('/', '-')}`}>
            {periodLabel(table.period)}
            {table.period === release.period ? '' : ' (opnieuw vastgesteld)'}
          </Heading2>
          <ReleaseTable table={table} mark={release.mark} caption={`Meldingen per thema, ${periodLabel(table.period)}`} />
        </section>
      ))}
      <ReleaseLegend legend={release.legend} />
    </Layout>
  );
}

/** The statement of a release: how it was protected, so a reader knows what the mark means. */
export function ReleaseStatement({ release }: { readonly release: ReleaseJson }): ReactNode {
  return (
    <DataList>
      <DataListItem>
        <DataListKey>Drempel</DataListKey>
        <DataListValue>k = {release.k}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>Methode</DataListKey>
        <DataListValue>{release.method}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>Niet gepubliceerde cellen</DataListKey>
        <DataListValue>{release.suppressedCells}</DataListValue>
      </DataListItem>
      {release.notes.length === 0 ? null : (
        <DataListItem>
          <DataListKey>Opmerkingen</DataListKey>
          <DataListValue>{release.notes.join(' ')}</DataListValue>
        </DataListItem>
      )}
    </DataList>
  );
}
