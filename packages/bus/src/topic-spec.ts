/**
 * What the bus needs to know to provision a topic. Structurally identical to `TopicDefinition` in
 * `@signaalhub/contracts`, declared here so the bus never depends on contracts (contracts may one day
 * depend on the bus for typed producers; this keeps that edge free of a cycle).
 */
export interface TopicSpec {
  readonly name: string;
  readonly partitions: number;
  /** -1 keeps messages forever. */
  readonly retentionMs: number;
  readonly cleanupPolicy: 'delete' | 'compact';
}
