/** Who acted: a signed-in user (via the web application) or a service acting on its own. */
export type AuditActor = { readonly userId: string; readonly party: string } | { readonly service: string };

/**
 * One access decision (BIO2 8.15.01: action, object, result, origin, actor, time). The time is set by
 * the log. Nothing here may be personal data of the people in a signal: ids and codes only.
 */
export interface AuditEntry {
  readonly actor: AuditActor;
  /** e.g. `signal.open`, `decision.record`, `agenda.list`. */
  readonly action: string;
  readonly objectType: string;
  readonly objectId: string;
  readonly result: 'allowed' | 'denied';
  /** Client IP address, or `kafka` for events. */
  readonly origin: string;
  /** Why it was denied, as a code (e.g. `not-a-recipient`, `wrong-role`). */
  readonly reason?: string;
}

export interface AuditRecord extends AuditEntry {
  readonly seq: number;
  readonly at: Date;
  readonly hash: string;
  readonly previousHash: string;
}
