import type { Logger } from '@signaalhub/logging';
import { PeriodicSweep } from '../registry/periodic-sweep.js';
import { today } from '../registry/registry-input.js';
import type { PermitDesk } from './permit-desk.js';
import type { PermitStore } from './permit-store.js';

export interface PermitClockParts {
  readonly store: PermitStore;
  readonly desk: PermitDesk;
  readonly sweepMs: number;
  readonly logger: Logger;
  /** The application clock (PERMIT_REGISTRY_CLOCK_OFFSET_SECONDS): "today" is its UTC day, as for every date the registry reads. */
  readonly clock: () => Date;
}

/** At most a reinstatement, then an expiry: after those the permit is final, so nothing more can be due. */
const MAX_STEPS_PER_PERMIT = 2;

/**
 * What time does to permits without an officer clicking (issue 11): at start and every
 * PERMIT_REGISTRY_PERMIT_CLOCK_MS, each suspension whose last day has passed is reinstated (verleend,
 * `permit.reinstated`) and each verleend or geschorst permit whose last valid day has passed lapses
 * (vervallen on the ground geldigheid-verstreken, `permit.expired`), through the permit desk as an officer's
 * action would be, by the service actor. Each permit is its own transaction on the locked row: a failure is
 * logged and that permit is tried again by the next sweep; two registry instances do each step once.
 */
export class PermitClock {
  private readonly sweep: PeriodicSweep;

  constructor(private readonly parts: PermitClockParts) {
    this.sweep = new PeriodicSweep(parts.sweepMs, () => this.tick());
  }

  start(): Promise<void> {
    return this.sweep.start();
  }

  stop(): Promise<void> {
    return this.sweep.stop();
  }

  private async tick(): Promise<void> {
    const { store, desk, logger } = this.parts;
    const day = today(this.parts.clock);
    let due: string[];
    try {
      due = await store.dueForTime(day);
    } catch (error) {
      logger.warn({ errorName: errorName(error) }, 'permit clock could not list the permits due; the next sweep tries again');
      return;
    }
    let changed = 0;
    for (const permitId of due) {
      try {
        for (let step = 0; step < MAX_STEPS_PER_PERMIT; step++) {
          if ((await desk.actOnTime(permitId, day)) === undefined) break;
          changed++;
        }
      } catch (error) {
        logger.warn({ permitId, errorName: errorName(error) }, 'permit clock could not update a permit; the next sweep tries again');
      }
    }
    if (changed > 0) logger.info({ changed, day }, 'permit clock ended suspensions and validities that had passed');
  }
}

const errorName = (error: unknown): string => (error instanceof Error ? error.name : typeof error);
