import { Button } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { CsrfField } from './csrf-field.js';

/** Sign-out is a POST (with CSRF token), so a link on another site cannot sign a user out. */
export function SignOutButton({ csrfToken }: { readonly csrfToken: string }): ReactNode {
  return (
    <form method="post" action="/afmelden">
      <CsrfField token={csrfToken} />
      <Button type="submit" appearance="secondary-action-button">
        Afmelden
      </Button>
    </form>
  );
}
