/** The NOTIFY channel that wakes the outbox relay; one per schema so test schemas stay apart. */
export function outboxChannel(schema: string): string {
  return `${schema}_outbox`;
}
