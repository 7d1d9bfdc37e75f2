import type { ReactNode } from 'react';

/** The form field name of the synchroniser token; every POST form carries it. */
export const CSRF_FIELD = '_csrf';

export function CsrfField({ token }: { readonly token: string }): ReactNode {
  return <input type="hidden" name={CSRF_FIELD} value={token} />;
}
