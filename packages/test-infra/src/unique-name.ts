import { randomBytes } from 'node:crypto';

/** Each test gets its own topic, consumer group, queue and schema names, so tests never see each other. */
export function uniqueName(prefix: string): string {
  const safePrefix = prefix.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return `t-${safePrefix}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}
