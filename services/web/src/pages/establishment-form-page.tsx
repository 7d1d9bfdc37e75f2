import { AUTOBRANCHE_ACTIVITIES, AUTOBRANCHE_ACTIVITY_LABELS } from '@signaalhub/contracts';
import { Button, Checkbox, Fieldset, FieldsetLegend, FormField, FormLabel, Heading1, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { CsrfField } from '../components/csrf-field.js';
import { ErrorSummary } from '../components/error-summary.js';
import { PersonFields } from '../components/person-fields.js';
import { FieldErrorMessage } from '../components/field-error-message.js';
import { SelectField } from '../components/select-field.js';
import { TextField } from '../components/text-field.js';
import {
  ESTABLISHMENT_FIELD_IDS,
  MAX_RESPONSIBLE_ROWS,
  RESPONSIBLE_ROLE_OPTIONS,
  responsibleFieldId,
  sbiFieldId,
  sbiFieldName,
  type EstablishmentFormValues,
} from '../forms/establishment-form.js';
import { describedBy, errorsFor, type FieldError } from '../forms/field-errors.js';
import { municipalityName } from '../labels/labels.js';
import { Layout } from './layout.js';
import type { PageUser } from './page-context.js';

export interface EstablishmentFormPageProps {
  readonly user: PageUser;
  readonly municipality: string;
  readonly values: EstablishmentFormValues;
  readonly errors: readonly FieldError[];
}

const TITLE = 'Nieuwe vestiging inschrijven';

/** A permit officer registers an establishment: the legal entity (KvK) and the establishment kept apart, both required. */
export function EstablishmentFormPage({ user, municipality, values, errors }: EstablishmentFormPageProps): ReactNode {
  const ids = ESTABLISHMENT_FIELD_IDS;
  const activityErrors = errorsFor(errors, ids.activities);
  return (
    <Layout title={errors.length > 0 ? `Fout: ${TITLE}` : TITLE} user={user} section="vestigingen">
      <ErrorSummary errors={errors} />
      <Heading1>{TITLE}</Heading1>
      <Paragraph>
        De vestiging komt in het vergunningenregister autobranche van {municipalityName(municipality)}. Het KvK-nummer en de verantwoordelijke personen worden
        versleuteld bewaard.
      </Paragraph>
      <form method="post" action="/vestigingen" noValidate>
        <CsrfField token={user.csrfToken} />
        <TextField id={ids.tradeName} name="tradeName" label="Handelsnaam" value={values.tradeName} required errors={errorsFor(errors, ids.tradeName)} />
        <Fieldset>
          <FieldsetLegend>Onderneming en vestiging</FieldsetLegend>
          <TextField id={ids.kvkNumber} name="kvkNumber" label="KvK-nummer" value={values.kvkNumber} inputMode="numeric" required description="8 cijfers: de rechtspersoon" errors={errorsFor(errors, ids.kvkNumber)} />
          <TextField
            id={ids.vestigingsnummer}
            name="vestigingsnummer"
            label="Vestigingsnummer"
            value={values.vestigingsnummer}
            inputMode="numeric"
            required
            description="12 cijfers: deze vestiging"
            errors={errorsFor(errors, ids.vestigingsnummer)}
          />
        </Fieldset>
        <Fieldset>
          <FieldsetLegend>Bezoekadres</FieldsetLegend>
          <TextField id={ids.postcode} name="postcode" label="Postcode" value={values.postcode} required description="Bijvoorbeeld 3761 AB" errors={errorsFor(errors, ids.postcode)} />
          <TextField id={ids.huisnummer} name="huisnummer" label="Huisnummer" value={values.huisnummer} inputMode="numeric" required errors={errorsFor(errors, ids.huisnummer)} />
          <TextField id={ids.toevoeging} name="toevoeging" label="Toevoeging" value={values.toevoeging} errors={errorsFor(errors, ids.toevoeging)} />
        </Fieldset>
        <Fieldset id={ids.activities} invalid={activityErrors.length > 0} aria-describedby={describedBy(ids.activities, { description: false, error: activityErrors.length > 0 })}>
          <FieldsetLegend>Activiteiten</FieldsetLegend>
          <Paragraph>Kies de activiteiten van de vestiging en vul bij elke gekozen activiteit de SBI-code in, bijvoorbeeld 45112 bij handel.</Paragraph>
          <FieldErrorMessage fieldId={ids.activities} messages={activityErrors} />
          {AUTOBRANCHE_ACTIVITIES.map((activity) => {
            const checkboxId = `${ids.activities}-${activity}`;
            return (
              <div key={activity} className="sh-activity">
                <FormField
                  type="checkbox"
                  label={
                    <FormLabel htmlFor={checkboxId} type="checkbox">
                      {AUTOBRANCHE_ACTIVITY_LABELS[activity]}
                    </FormLabel>
                  }
                  input={<Checkbox id={checkboxId} name="activity" value={activity} defaultChecked={values.activities.includes(activity)} />}
                />
                <TextField
                  id={sbiFieldId(activity)}
                  name={sbiFieldName(activity)}
                  label={`SBI-code bij ${AUTOBRANCHE_ACTIVITY_LABELS[activity].toLowerCase()}`}
                  value={values.sbiCodes[activity] ?? ''}
                  inputMode="numeric"
                  errors={errorsFor(errors, sbiFieldId(activity))}
                />
              </div>
            );
          })}
        </Fieldset>
        {values.people.map((person, row) => (
          <PersonFields key={row} legend={`Verantwoordelijke ${row + 1}`} fieldId={(part) => responsibleFieldId(row, part)} person={person} errors={errors}>
            <SelectField
              id={responsibleFieldId(row, 'rol')}
              name="personRole"
              label="Rol"
              value={person.role}
              placeholder="Kies een rol"
              options={RESPONSIBLE_ROLE_OPTIONS}
              errors={errorsFor(errors, responsibleFieldId(row, 'rol'))}
            />
          </PersonFields>
        ))}
        {values.people.length < MAX_RESPONSIBLE_ROWS ? (
          <Button type="submit" name="action" value="persoon-toevoegen" appearance="secondary-action-button" formNoValidate>
            Nog een verantwoordelijke toevoegen
          </Button>
        ) : null}
        <div className="sh-action-row">
          <Button type="submit" name="action" value="inschrijven" appearance="primary-action-button">
            Vestiging inschrijven
          </Button>
        </div>
      </form>
    </Layout>
  );
}
