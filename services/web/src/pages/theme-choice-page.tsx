import { THEME_LABELS, THEMES } from '@signaalhub/contracts';
import { Button, Heading1, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { ChoiceGroup, choiceId } from '../components/choice-group.js';
import { ErrorSummary } from '../components/error-summary.js';
import type { FieldError } from '../forms/field-errors.js';
import { Layout } from './layout.js';
import type { PageUser } from './page-context.js';

export const THEME_FIELD_ID = 'thema';

export function themeChoiceError(): FieldError {
  return { fieldId: THEME_FIELD_ID, message: 'Kies een thema', anchor: choiceId(THEME_FIELD_ID, THEMES[0]) };
}

/** Step 1 of a new signal: the theme decides which indicator checklist the form shows. A GET form: nothing is stored yet. */
export function ThemeChoicePage({ user, errors }: { readonly user: PageUser; readonly errors: readonly FieldError[] }): ReactNode {
  return (
    <Layout title={errors.length > 0 ? 'Fout: Nieuwe melding – thema kiezen' : 'Nieuwe melding – thema kiezen'} user={user} section="nieuwe-melding">
      <ErrorSummary errors={errors} />
      <Heading1>Nieuwe melding</Heading1>
      <Paragraph>Stap 1 van 2: kies het thema. Daarna ziet u de indicatoren die bij dat thema horen.</Paragraph>
      <form method="get" action="/meldingen/nieuw" noValidate>
        <input type="hidden" name="stap" value="thema" />
        <ChoiceGroup
          id={THEME_FIELD_ID}
          name="thema"
          legend="Thema van de melding"
          kind="radio"
          choices={THEMES.map((theme) => ({ value: theme, label: THEME_LABELS[theme] }))}
          selected={[]}
          errors={errors.map((error) => error.message)}
        />
        <Button type="submit" appearance="primary-action-button">
          Verder
        </Button>
      </form>
    </Layout>
  );
}
