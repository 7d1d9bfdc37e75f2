/** Nest injection tokens for the service's own parts, assembled in app.module.ts. */
export const DISTRIBUTION_POLICY = Symbol('DistributionPolicy');
export const AUDITED_ACCESS = Symbol('AuditedAccess');
export const SIGNAL_SUBMITTER = Symbol('SignalSubmitter');
export const SIGNAL_OVERVIEW = Symbol('SignalOverview');
export const DECISION_RECEIVER = Symbol('DecisionReceiver');
export const OUTBOX = Symbol('Outbox');
