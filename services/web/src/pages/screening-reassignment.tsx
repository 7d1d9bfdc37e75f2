import type { CoordinatorCapacity, ScreeningSummary } from '@signaalhub/contracts';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { CsrfField } from '../components/csrf-field.js';
import { ReassignmentFields } from '../components/reassignment-fields.js';
import type { FieldError } from '../forms/field-errors.js';

export interface ScreeningReassignmentProps {
  readonly screening: Pick<ScreeningSummary, 'id' | 'assignee'>;
  readonly coordinators: readonly CoordinatorCapacity[];
  readonly csrfToken: string;
  readonly errors: readonly FieldError[];
}

/** On a screening's page, for a lead coordinator only: move this screening to another coordinator, with a reason. */
export function ScreeningReassignment({ screening, coordinators, csrfToken, errors }: ScreeningReassignmentProps): ReactNode {
  const current = coordinators.find((coordinator) => coordinator.id === screening.assignee)?.name ?? screening.assignee;
  return (
    <section aria-labelledby="kop-opnieuw-toewijzen" className="sh-form-section">
      <Heading2 id="kop-opnieuw-toewijzen">Opnieuw toewijzen</Heading2>
      <Paragraph>{current === null ? 'Deze toets is niet toegewezen.' : `Huidige behandelaar: ${current}.`}</Paragraph>
      <form method="post" action="/toetsen/toewijzingen" noValidate>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="screeningIds" value={screening.id} />
        <ReassignmentFields coordinators={coordinators} origin="toets" errors={errors} submitLabel="Toets opnieuw toewijzen" />
      </form>
    </section>
  );
}
