import { UsageError } from '../cli-errors.js';

export type WireFormat = 'envelope' | 'pgp';

export function parseFormat(value: string | undefined): WireFormat {
  if (value === undefined || value === 'envelope') return 'envelope';
  if (value === 'pgp') return 'pgp';
  throw new UsageError('--format moet envelope of pgp zijn');
}
