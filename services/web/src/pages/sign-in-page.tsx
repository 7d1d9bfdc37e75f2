import { Alert, Button, Heading1, Heading2, Link, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { CsrfField } from '../components/csrf-field.js';
import { ErrorSummary } from '../components/error-summary.js';
import { TextField } from '../components/text-field.js';
import { errorsFor, type FieldError } from '../forms/field-errors.js';
import { Layout } from './layout.js';

export const SIGN_IN_FIELDS = { accountName: 'gebruikersnaam', password: 'wachtwoord' } as const;

export interface SignInPageProps {
  readonly csrfToken: string;
  readonly accountName: string;
  readonly errors: readonly FieldError[];
  readonly notice?: string;
}

export function SignInPage({ csrfToken, accountName, errors, notice }: SignInPageProps): ReactNode {
  return (
    <Layout title={errors.length > 0 ? 'Fout: Aanmelden' : 'Aanmelden'}>
      <ErrorSummary errors={errors} />
      <Heading1>Aanmelden</Heading1>
      {notice === undefined ? null : <Alert type="info">{notice}</Alert>}
      <Paragraph>Meld u aan met het account dat u van de beheerder van Signaalhub hebt gekregen.</Paragraph>
      <form method="post" action="/aanmelden" noValidate>
        <CsrfField token={csrfToken} />
        <TextField
          id={SIGN_IN_FIELDS.accountName}
          name="accountName"
          label="Gebruikersnaam"
          value={accountName}
          autoComplete="username"
          required
          errors={errorsFor(errors, SIGN_IN_FIELDS.accountName)}
        />
        <TextField
          id={SIGN_IN_FIELDS.password}
          name="password"
          label="Wachtwoord"
          type="password"
          value=""
          autoComplete="current-password"
          required
          errors={errorsFor(errors, SIGN_IN_FIELDS.password)}
        />
        <Button type="submit" appearance="primary-action-button">
          Aanmelden
        </Button>
      </form>
      <Heading2>Zonder aanmelden</Heading2>
      <Paragraph>
        De vergunningen voor autobedrijven staan in het <Link href="/openbaar-register">Openbaar register</Link>.
      </Paragraph>
    </Layout>
  );
}
