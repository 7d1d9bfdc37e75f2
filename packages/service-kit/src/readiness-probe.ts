/** One server a service needs, asked whether it answers right now. */
export interface ReadinessProbe {
  /** The name readiness reports, e.g. `redis`. */
  readonly name: string;
  /** Resolves when the server answered; `deadlineMs` is how long the readiness check waits for it. */
  check(deadlineMs: number): Promise<unknown>;
}

/** Nest injection token for the service's `ReadinessProbe[]`: each service passes the servers it needs. */
export const READINESS_PROBES = Symbol('ReadinessProbes');

/**
 * Work a service accepted but has not handed on yet (e.g. outbox rows not yet on Kafka). Readiness shows
 * it; it never makes a service unready, since accepting while the broker is away is the point of it.
 */
export interface BacklogProbe {
  /** The name readiness reports, e.g. `outbox`. */
  readonly name: string;
  measure(): Promise<{ readonly pending: number; readonly oldestAgeSeconds: number | null }>;
}

/** Nest injection token for the service's `BacklogProbe[]` (optional; none when not provided). */
export const BACKLOG_PROBES = Symbol('BacklogProbes');
