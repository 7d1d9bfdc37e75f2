import type { ScreeningKind } from '@signaalhub/contracts';
import type { ClientBase } from 'pg';
import { chooseCoordinator } from '../assignment/coordinator-choice.js';
import type { Coordinator } from '../assignment/coordinator-config.js';
import type { ScreeningStore } from './screening-store.js';

/** What the chooser may weigh for a new screening (in memory only: the KvK number is never logged). */
export interface NewScreeningFacts {
  readonly screeningId: string;
  readonly municipality: string;
  readonly kind: ScreeningKind;
  readonly kvkNumber: string;
  /** The applicant's KvK match token: how the store finds the business's current handler. */
  readonly applicantToken: string;
  /** The day of assignment, `YYYY-MM-DD`. */
  readonly date: string;
}

/**
 * THE seam where a new screening gets its coordinator. The pool's chooser (src/assignment,
 * `chooseCoordinator`) plugs in here; null means nobody is available and the screening waits in the
 * "niet toegewezen" list. It reads the pool through `client`, the transaction that inserts the screening
 * and holds the pool lock (`ScreeningStore.lockPool`), so the counts it weighs stay true until the insert.
 */
export interface NewScreeningAssignment {
  assigneeFor(facts: NewScreeningFacts, client: ClientBase): Promise<string | null>;
}

/**
 * The pool's chooser on the store's counts: the current handler of the business while available,
 * otherwise the available coordinator with the smallest share of their capacity; nobody: null.
 */
export class PoolAssignment implements NewScreeningAssignment {
  constructor(
    private readonly coordinators: readonly Coordinator[],
    private readonly store: ScreeningStore,
  ) {}

  async assigneeFor(facts: NewScreeningFacts, client: ClientBase): Promise<string | null> {
    const handler = await this.store.currentHandlerOf(facts.applicantToken, client);
    const choice = chooseCoordinator(
      { municipality: facts.municipality, kvkNumber: facts.kvkNumber, date: facts.date },
      {
        coordinators: this.coordinators,
        openScreenings: await this.store.openCountsByAssignee(client),
        ...(handler === undefined ? {} : { currentHandlerOfBusiness: handler }),
      },
    );
    return choice.kind === 'assigned' ? choice.coordinatorId : null;
  }
}
