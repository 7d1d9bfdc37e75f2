import { Inject, Injectable, Optional } from '@nestjs/common';
import { BACKLOG_PROBES, READINESS_PROBES, type BacklogProbe, type ReadinessProbe } from './readiness-probe.js';

export interface DependencyStatus {
  readonly name: string;
  readonly ready: boolean;
  /** A short reason when not ready; infrastructure messages only, never request data. */
  readonly reason?: string;
}

export interface BacklogStatus {
  readonly name: string;
  /** Null when it could not be measured (its server did not answer; the dependency says why). */
  readonly pending: number | null;
  readonly oldestAgeSeconds: number | null;
}

const CHECK_DEADLINE_MS = 2_000;

/** Readiness = every server this service needs answers a real request right now. */
@Injectable()
export class ReadinessService {
  private readonly backlogProbes: readonly BacklogProbe[];

  constructor(
    @Inject(READINESS_PROBES) private readonly probes: readonly ReadinessProbe[],
    @Optional() @Inject(BACKLOG_PROBES) backlogProbes?: readonly BacklogProbe[],
  ) {
    this.backlogProbes = backlogProbes ?? [];
  }

  async check(): Promise<DependencyStatus[]> {
    return Promise.all(this.probes.map((probe) => status(probe)));
  }

  async backlogs(): Promise<BacklogStatus[]> {
    return Promise.all(this.backlogProbes.map((probe) => backlog(probe)));
  }
}

async function backlog(probe: BacklogProbe): Promise<BacklogStatus> {
  try {
    return { name: probe.name, ...(await withDeadline(probe.measure(), CHECK_DEADLINE_MS)) };
  } catch {
    return { name: probe.name, pending: null, oldestAgeSeconds: null };
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
