import { z } from 'zod';
import { invalid } from './api-errors.js';

const Uuid = z.uuid();
const ActionIndex = z.coerce.number().int().min(0).max(10_000);

/** `:decisionId/:actionIndex` of an action: a UUID and a whole number (else 400 naming the field). */
export function actionParameters(decisionId: string, actionIndex: string): { decisionId: string; actionIndex: number } {
  const problems = [];
  if (!Uuid.safeParse(decisionId).success) problems.push({ field: 'decisionId', rule: 'must be a UUID', message: 'Moet een geldige UUID zijn' });
  const index = /^\d{1,5}$/.test(actionIndex) ? ActionIndex.safeParse(actionIndex) : undefined;
  if (index?.success !== true) problems.push({ field: 'actionIndex', rule: 'must be a whole number from 0', message: 'Moet een geheel getal vanaf 0 zijn' });
  if (problems.length > 0 || index?.success !== true) throw invalid(problems);
  return { decisionId, actionIndex: index.data };
}

/** `?item=`: absent, or the UUID of an agenda item. */
export function itemFilterParameter(value: unknown): { itemId?: string } {
  if (value === undefined) return {};
  if (typeof value === 'string' && Uuid.safeParse(value).success) return { itemId: value };
  throw invalid([{ field: 'item', rule: 'must be a UUID', message: 'Moet een geldige UUID zijn' }]);
}
