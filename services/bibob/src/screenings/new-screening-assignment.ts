import type { ScreeningKind } from '@signaalhub/contracts';

/** What the chooser may weigh for a new screening (in memory only: the KvK number is never logged). */
export interface NewScreeningFacts {
  readonly screeningId: string;
  readonly municipality: string;
  readonly kind: ScreeningKind;
  readonly kvkNumber: string;
}

/**
 * THE seam where a new screening gets its coordinator. The pool's chooser (src/assignment,
 * `chooseCoordinator`) plugs in here; null means nobody is available and the screening waits in the
 * "niet toegewezen" list.
 */
export interface NewScreeningAssignment {
  assigneeFor(facts: NewScreeningFacts): Promise<string | null>;
}

/** Until the chooser is wired in: every new screening waits, visibly, as "niet toegewezen". */
export const LEAVE_UNASSIGNED: NewScreeningAssignment = {
  assigneeFor: () => Promise.resolve(null),
};
