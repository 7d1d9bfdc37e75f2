import type { Exclusion } from '@signaalhub/contracts';
import { Button, Heading1, Heading2, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { ChoiceGroup, choiceId } from '../components/choice-group.js';
import { CsrfField } from '../components/csrf-field.js';
import { ErrorSummary } from '../components/error-summary.js';
import { SuccessNotice } from '../components/success-notice.js';
import { TextField } from '../components/text-field.js';
import { errorsFor, type FieldError } from '../forms/field-errors.js';
import { EXCLUSION_FIELD_IDS, EXCLUSION_KIND_LABELS, type ExclusionFormValues, type ExclusionKind } from '../forms/exclusion-form.js';
import { formatDateTime, partyLabel } from '../labels/labels.js';
import { Layout } from './layout.js';
import type { PageUser } from './page-context.js';

export interface ExclusionsPageProps {
  readonly user: PageUser;
  readonly exclusions: readonly Exclusion[];
  readonly values: ExclusionFormValues;
  readonly errors: readonly FieldError[];
  readonly notice?: string;
}

/**
 * The exclusion list: identifiers that hit everywhere and mean nothing (a towing company, the municipal
 * depot). Only the kind and the label are kept and shown; the identifier is entered once and not stored.
 */
export function ExclusionsPage({ user, exclusions, values, errors, notice }: ExclusionsPageProps): ReactNode {
  const kindGroupErrors = errorsFor(errors, choiceId(EXCLUSION_FIELD_IDS.exclusionKind, 'kvk'));
  return (
    <Layout title="Uitsluitingslijst" user={user} section="uitsluitingen">
      <Heading1>Uitsluitingslijst</Heading1>
      <SuccessNotice notice={notice} />
      <ErrorSummary errors={errors} />
      <Paragraph>Wat op deze lijst staat, telt niet mee in de treffers tussen gemeenten.</Paragraph>
      {exclusions.length === 0 ? (
        <Paragraph>De uitsluitingslijst is leeg.</Paragraph>
      ) : (
        <Table>
          <TableCaption>Uitgesloten ondernemingen, voertuigen en adressen</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Omschrijving</TableHeaderCell>
              <TableHeaderCell scope="col">Soort</TableHeaderCell>
              <TableHeaderCell scope="col">Toegevoegd</TableHeaderCell>
              <TableHeaderCell scope="col">Door</TableHeaderCell>
              <TableHeaderCell scope="col">Verwijderen</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {exclusions.map((exclusion) => (
              <TableRow key={exclusion.id}>
                <TableCell>{exclusion.label}</TableCell>
                <TableCell>{EXCLUSION_KIND_LABELS[exclusion.kind]}</TableCell>
                <TableCell>{formatDateTime(exclusion.createdAt)}</TableCell>
                <TableCell>{`${partyLabel(exclusion.createdBy.party)} (gebruiker ${exclusion.createdBy.userId})`}</TableCell>
                <TableCell>
                  <form method="post" action={`/riec/uitsluitingen/${encodeURIComponent(exclusion.id)}/verwijderen`}>
                    <CsrfField token={user.csrfToken} />
                    <Button type="submit" appearance="secondary-action-button">
                      Verwijderen<span className="sh-visually-hidden"> {exclusion.label}</span>
                    </Button>
                  </form>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <form method="post" action="/riec/uitsluitingen" noValidate className="sh-card" aria-labelledby="kop-toevoegen">
        <Heading2 id="kop-toevoegen">Toevoegen</Heading2>
        <CsrfField token={user.csrfToken} />
        <ChoiceGroup
          id={EXCLUSION_FIELD_IDS.exclusionKind}
          name="exclusionKind"
          legend="Soort"
          kind="radio"
          choices={(Object.keys(EXCLUSION_KIND_LABELS) as ExclusionKind[]).map((kind) => ({ value: kind, label: EXCLUSION_KIND_LABELS[kind] }))}
          selected={values.exclusionKind === '' ? [] : [values.exclusionKind]}
          errors={kindGroupErrors}
          description="Vul daarna alleen de velden van die soort in."
        />
        <TextField id={EXCLUSION_FIELD_IDS.kvkNumber} name="kvkNumber" label="KvK-nummer" value={values.kvkNumber} inputMode="numeric" errors={errorsFor(errors, EXCLUSION_FIELD_IDS.kvkNumber)} />
        <TextField id={EXCLUSION_FIELD_IDS.kenteken} name="kenteken" label="Kenteken" value={values.kenteken} errors={errorsFor(errors, EXCLUSION_FIELD_IDS.kenteken)} />
        <TextField id={EXCLUSION_FIELD_IDS.postcode} name="postcode" label="Postcode" value={values.postcode} autoComplete="off" errors={errorsFor(errors, EXCLUSION_FIELD_IDS.postcode)} />
        <TextField id={EXCLUSION_FIELD_IDS.huisnummer} name="huisnummer" label="Huisnummer" value={values.huisnummer} inputMode="numeric" errors={errorsFor(errors, EXCLUSION_FIELD_IDS.huisnummer)} />
        <TextField id={EXCLUSION_FIELD_IDS.toevoeging} name="toevoeging" label="Toevoeging" value={values.toevoeging} errors={errorsFor(errors, EXCLUSION_FIELD_IDS.toevoeging)} />
        <TextField id={EXCLUSION_FIELD_IDS.label} name="label" label="Omschrijving" description="Waarom dit overal voorkomt, bijvoorbeeld: gemeentelijk depot" value={values.label} required errors={errorsFor(errors, EXCLUSION_FIELD_IDS.label)} />
        <div className="sh-action-row">
          <Button type="submit" appearance="primary-action-button">
            Toevoegen aan de uitsluitingslijst
          </Button>
        </div>
      </form>
    </Layout>
  );
}
