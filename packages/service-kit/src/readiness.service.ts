import { Inject, Injectable } from '@nestjs/common';
import { READINESS_PROBES, type ReadinessProbe } from './readiness-probe.js';

export interface DependencyStatus {
  readonly name: string;
  readonly ready: boolean;
  /** A short reason when not ready; infrastructure messages only, never request data. */
  readonly reason?: string;
}

const CHECK_DEADLINE_MS = 2_000;

/** Readiness = every server this service needs answers a real request right now. */
@Injectable()
export class ReadinessService {
  constructor(@Inject(READINESS_PROBES) private readonly probes: readonly ReadinessProbe[]) {}

  async check(): Promise<DependencyStatus[]> {
    return Promise.all(this.probes.map((probe) => status(probe)));
  }
}

async function status(probe: ReadinessProbe): Promise<DependencyStatus> {
  try {
    await withDeadline(probe.check(CHECK_DEADLINE_MS), CHECK_DEADLINE_MS);
    return { name: probe.name, ready: true };
  } catch (error) {
    return { name: probe.name, ready: false, reason: error instanceof Error ? error.message : 'check failed' };
  }
}

async function withDeadline<T>(work: Promise<T>, deadlineMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`no answer within ${deadlineMs} ms`));
    }, deadlineMs);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
