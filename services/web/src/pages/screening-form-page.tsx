import { SCREENING_KINDS } from '@signaalhub/contracts';
import { Button, Fieldset, FieldsetLegend, Heading1, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { CsrfField } from '../components/csrf-field.js';
import { ErrorSummary } from '../components/error-summary.js';
import { PersonFields } from '../components/person-fields.js';
import { SelectField } from '../components/select-field.js';
import { TextField } from '../components/text-field.js';
import { errorsFor, type FieldError } from '../forms/field-errors.js';
import { MAX_PERSON_ROWS, personFieldId, SCREENING_FIELD_IDS, type ScreeningFormValues } from '../forms/screening-form.js';
import { municipalityName } from '../labels/labels.js';
import { kindLabel } from '../labels/screening-labels.js';
import { Layout } from './layout.js';
import type { PageUser } from './page-context.js';

export interface ScreeningFormPageProps {
  readonly user: PageUser;
  readonly municipalities: readonly string[];
  readonly values: ScreeningFormValues;
  readonly errors: readonly FieldError[];
}

const TITLE = 'Nieuwe Bibob-toets';

/** The coordinators' form for an application of a municipality without its own registry in the hub. */
export function ScreeningFormPage({ user, municipalities, values, errors }: ScreeningFormPageProps): ReactNode {
  const ids = SCREENING_FIELD_IDS;
  return (
    <Layout title={errors.length > 0 ? `Fout: ${TITLE}` : TITLE} user={user} section="nieuwe-toets">
      <ErrorSummary errors={errors} />
      <Heading1>{TITLE}</Heading1>
      <Paragraph>De toets wordt automatisch toegewezen aan een beschikbare coördinator zonder belangenconflict.</Paragraph>
      <form method="post" action="/toetsen" noValidate>
        <CsrfField token={user.csrfToken} />
        <SelectField
          id={ids.municipality}
          name="municipality"
          label="Gemeente"
          value={values.municipality}
          placeholder="Kies een gemeente"
          options={municipalities.map((id) => ({ value: id, label: municipalityName(id) }))}
          errors={errorsFor(errors, ids.municipality)}
        />
        <SelectField
          id={ids.kind}
          name="kind"
          label="Soort beschikking"
          value={values.kind}
          placeholder="Kies een soort"
          options={SCREENING_KINDS.map((kind) => ({ value: kind, label: kindLabel(kind) }))}
          errors={errorsFor(errors, ids.kind)}
        />
        <Fieldset>
          <FieldsetLegend>Aanvrager</FieldsetLegend>
          <TextField id={ids.kvkNumber} name="kvkNumber" label="KvK-nummer" value={values.kvkNumber} inputMode="numeric" required description="8 cijfers" errors={errorsFor(errors, ids.kvkNumber)} />
          <TextField
            id={ids.vestigingsnummer}
            name="vestigingsnummer"
            label="Vestigingsnummer"
            value={values.vestigingsnummer}
            inputMode="numeric"
            required
            description="12 cijfers"
            errors={errorsFor(errors, ids.vestigingsnummer)}
          />
        </Fieldset>
        {values.people.map((person, row) => (
          <PersonFields key={row} legend={`Betrokken persoon ${row + 1}`} fieldId={(part) => personFieldId(row, part)} person={person} errors={errors}>
            <TextField
              id={personFieldId(row, 'rol')}
              name="personRole"
              label="Rol"
              value={person.role}
              required
              description="Bijvoorbeeld bestuurder, aandeelhouder, leidinggevende of financier"
              errors={errorsFor(errors, personFieldId(row, 'rol'))}
            />
          </PersonFields>
        ))}
        {values.people.length < MAX_PERSON_ROWS ? (
          <Button type="submit" name="action" value="persoon-toevoegen" appearance="secondary-action-button" formNoValidate>
            Nog een persoon toevoegen
          </Button>
        ) : null}
        <Fieldset>
          <FieldsetLegend>Vestigingsadres</FieldsetLegend>
          <TextField id={ids.postcode} name="postcode" label="Postcode" value={values.postcode} description="Bijvoorbeeld 3741 AA" errors={errorsFor(errors, ids.postcode)} />
          <TextField id={ids.huisnummer} name="huisnummer" label="Huisnummer" value={values.huisnummer} inputMode="numeric" errors={errorsFor(errors, ids.huisnummer)} />
          <TextField id={ids.toevoeging} name="toevoeging" label="Toevoeging" value={values.toevoeging} errors={errorsFor(errors, ids.toevoeging)} />
        </Fieldset>
        <TextField
          id={ids.kentekens}
          name="kentekens"
          label="Kentekens"
          value={values.kentekens}
          description="Voertuigen van de onderneming, gescheiden door komma's, bijvoorbeeld 12-ABC-3, 45-XY-67"
          errors={errorsFor(errors, ids.kentekens)}
        />
        <TextField id={ids.receivedOn} name="receivedOn" label="Datum ontvangst aanvraag" type="date" value={values.receivedOn} required errors={errorsFor(errors, ids.receivedOn)} />
        <TextField
          id={ids.decisionTermWeeks}
          name="decisionTermWeeks"
          label="Beslistermijn in weken"
          value={values.decisionTermWeeks}
          inputMode="numeric"
          required
          description="De termijn loopt vanaf de datum van ontvangst"
          errors={errorsFor(errors, ids.decisionTermWeeks)}
        />
        <div className="sh-action-row">
          <Button type="submit" name="action" value="versturen" appearance="primary-action-button">
            Toets vastleggen
          </Button>
        </div>
      </form>
    </Layout>
  );
}
