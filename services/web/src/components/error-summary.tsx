import { Heading2, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import type { FieldError } from '../forms/field-errors.js';

/**
 * The list of errors at the top of a form, each linking to its field (WCAG 3.3.1). It takes focus when
 * the page loads (autofocus; no script needed), so a screen reader announces it first.
 */
export function ErrorSummary({ errors }: { readonly errors: readonly FieldError[] }): ReactNode {
  if (errors.length === 0) return null;
  return (
    <div className="sh-error-summary" role="alert" aria-labelledby="foutenoverzicht-titel" tabIndex={-1} autoFocus>
      <Heading2 id="foutenoverzicht-titel">{errors.length === 1 ? 'Er is 1 fout gevonden' : `Er zijn ${errors.length} fouten gevonden`}</Heading2>
      <UnorderedList>
        {errors.map((error, index) => (
          <UnorderedListItem key={`${error.fieldId ?? 'algemeen'}-${index}`}>
            {error.fieldId === undefined ? error.message : <a href={`#${error.anchor ?? error.fieldId}`}>{error.message}</a>}
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </div>
  );
}
