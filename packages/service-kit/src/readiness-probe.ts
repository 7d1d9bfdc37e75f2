/** One server a service needs, asked whether it answers right now. */
export interface ReadinessProbe {
  /** The name readiness reports, e.g. `redis`. */
  readonly name: string;
  /** Resolves when the server answered; `deadlineMs` is how long the readiness check waits for it. */
  check(deadlineMs: number): Promise<unknown>;
}

/** Nest injection token for the service's `ReadinessProbe[]`: each service passes the servers it needs. */
export const READINESS_PROBES = Symbol('ReadinessProbes');
