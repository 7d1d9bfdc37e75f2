import { Alert, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

/** What the last action did, at the top of the page it redirected to; nothing when there is no notice. */
export function SuccessNotice({ notice }: { readonly notice: string | undefined }): ReactNode {
  if (notice === undefined) return null;
  return (
    <Alert type="ok">
      <Paragraph>{notice}</Paragraph>
    </Alert>
  );
}
