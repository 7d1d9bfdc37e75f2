import { INDICATOR_LABELS, THEME_INDICATORS, THEME_LABELS, type IndicatorCode, type Theme, type ThemeDistributionView } from '@signaalhub/contracts';
import { Button, Heading1, Heading2, Link, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { ChoiceGroup, choiceId, type Choice } from '../components/choice-group.js';
import { CsrfField } from '../components/csrf-field.js';
import { ErrorSummary } from '../components/error-summary.js';
import { SelectField } from '../components/select-field.js';
import { TextField } from '../components/text-field.js';
import { errorsFor, type FieldError } from '../forms/field-errors.js';
import { SIGNAL_FIELD_IDS, type SignalFormValues } from '../forms/signal-form.js';
import { municipalityName, partyLabel } from '../labels/labels.js';
import { Layout } from './layout.js';
import type { PageUser } from './page-context.js';

export interface SignalFormPageProps {
  readonly user: PageUser;
  readonly theme: Theme;
  readonly values: SignalFormValues;
  readonly municipalities: readonly string[];
  readonly distribution: ThemeDistributionView | undefined;
  readonly errors: readonly FieldError[];
}

export function recipientChoices(distribution: ThemeDistributionView | undefined): Choice[] {
  if (distribution === undefined) return [];
  const parties = [...new Set([...distribution.defaultRecipients, ...distribution.allowedExtras])];
  return parties.map((party) => ({ value: party, label: partyLabel(party), locked: distribution.requiredRecipients.includes(party) }));
}

/** Anchors of the checkbox groups: an error on a group links to its first box. */
export function signalFormAnchors(theme: Theme, distribution: ThemeDistributionView | undefined): Record<string, string> {
  const anchors: Record<string, string> = {};
  anchors[SIGNAL_FIELD_IDS.indicators] = choiceId(SIGNAL_FIELD_IDS.indicators, THEME_INDICATORS[theme][0]);
  const firstRecipient = recipientChoices(distribution).find((choice) => choice.locked !== true);
  if (firstRecipient !== undefined) anchors[SIGNAL_FIELD_IDS.recipients] = choiceId(SIGNAL_FIELD_IDS.recipients, firstRecipient.value);
  return anchors;
}

/** Step 2: the signal itself, with the theme's indicator checklist; errors next to their fields. */
export function SignalFormPage({ user, theme, values, municipalities, distribution, errors }: SignalFormPageProps): ReactNode {
  const ids = SIGNAL_FIELD_IDS;
  const title = `Nieuwe melding – ${THEME_LABELS[theme]}`;
  const indicatorChoices = (THEME_INDICATORS[theme] as readonly IndicatorCode[]).map((code) => ({ value: code, label: INDICATOR_LABELS[code] }));
  return (
    <Layout title={errors.length > 0 ? `Fout: ${title}` : title} user={user} section="nieuwe-melding">
      <ErrorSummary errors={errors} />
      <Heading1>{title}</Heading1>
      <Paragraph>
        Stap 2 van 2. Velden met „(niet verplicht)” mag u leeg laten. <Link href="/meldingen/nieuw">Ander thema kiezen</Link>
      </Paragraph>
      <form method="post" action="/meldingen" noValidate>
        <CsrfField token={user.csrfToken} />
        <input type="hidden" name="theme" value={theme} />
        <input type="hidden" name="idempotencyKey" value={values.idempotencyKey} />
        {municipalities.length === 1 ? (
          <input type="hidden" name="municipality" value={values.municipality} />
        ) : (
          <SelectField
            id={ids.municipality}
            name="municipality"
            label="Gemeente waarover u meldt"
            value={values.municipality}
            options={municipalities.map((id) => ({ value: id, label: municipalityName(id) }))}
            errors={errorsFor(errors, ids.municipality)}
          />
        )}

        <section className="sh-form-section" aria-labelledby="kop-locatie">
          <Heading2 id="kop-locatie">Locatie</Heading2>
          <TextField id={ids.postcode} name="postcode" label="Postcode" description="Bijvoorbeeld 3761 AB" value={values.postcode} autoComplete="off" required errors={errorsFor(errors, ids.postcode)} />
          <TextField id={ids.huisnummer} name="huisnummer" label="Huisnummer" value={values.huisnummer} inputMode="numeric" required errors={errorsFor(errors, ids.huisnummer)} />
          <TextField id={ids.toevoeging} name="toevoeging" label="Toevoeging" description="Bijvoorbeeld A of bis" value={values.toevoeging} errors={errorsFor(errors, ids.toevoeging)} />
        </section>

        <section className="sh-form-section" aria-labelledby="kop-bedrijf">
          <Heading2 id="kop-bedrijf">Bedrijf</Heading2>
          <TextField id={ids.kvkNumber} name="kvkNumber" label="KvK-nummer" description="8 cijfers, bijvoorbeeld 12345678" value={values.kvkNumber} inputMode="numeric" required errors={errorsFor(errors, ids.kvkNumber)} />
          <TextField id={ids.tradeName} name="tradeName" label="Handelsnaam" value={values.tradeName} errors={errorsFor(errors, ids.tradeName)} />
        </section>

        <section className="sh-form-section" aria-labelledby="kop-persoon">
          <Heading2 id="kop-persoon">Persoon (niet verplicht)</Heading2>
          <TextField id={ids.personName} name="personName" label="Naam" value={values.personName} autoComplete="off" errors={errorsFor(errors, ids.personName)} />
          <TextField id={ids.personBirthDate} name="personBirthDate" label="Geboortedatum" type="date" description="Verplicht als u een persoon noemt" value={values.personBirthDate} errors={errorsFor(errors, ids.personBirthDate)} />
        </section>

        <section className="sh-form-section" aria-labelledby="kop-voertuig">
          <Heading2 id="kop-voertuig">Voertuig (niet verplicht)</Heading2>
          <TextField id={ids.kenteken} name="kenteken" label="Kenteken" description="Bijvoorbeeld AB-123-C" value={values.kenteken} autoComplete="off" errors={errorsFor(errors, ids.kenteken)} />
        </section>

        <section className="sh-form-section" aria-labelledby="kop-indicatoren">
          <Heading2 id="kop-indicatoren">Wat is u opgevallen?</Heading2>
          <ChoiceGroup
            id={ids.indicators}
            name="indicators"
            legend={`Indicatoren bij ${THEME_LABELS[theme]} (niet verplicht)`}
            kind="checkbox"
            choices={indicatorChoices}
            selected={values.indicators}
            errors={errorsFor(errors, ids.indicators)}
          />
          <TextField id={ids.freeText} name="freeText" label="Toelichting" description="Beschrijf wat u zag en wanneer. Noem geen gegevens die niet nodig zijn." value={values.freeText} multiline maxLength={4000} errors={errorsFor(errors, ids.freeText)} />
        </section>

        <section className="sh-form-section" aria-labelledby="kop-verspreiding">
          <Heading2 id="kop-verspreiding">Verspreiding</Heading2>
          <ChoiceGroup
            id={ids.recipients}
            name="recipients"
            legend="Wie ontvangen deze melding?"
            description="Uw gemeente ontvangt de melding altijd. Volgens het verspreidingsbeleid zijn de gebruikelijke ontvangers al aangevinkt."
            kind="checkbox"
            choices={recipientChoices(distribution)}
            selected={values.recipients}
            errors={errorsFor(errors, ids.recipients)}
          />
        </section>

        <Button type="submit" appearance="primary-action-button">
          Melding versturen
        </Button>
      </form>
    </Layout>
  );
}
