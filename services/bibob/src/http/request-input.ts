import { InformationRequestId, MunicipalityId, ScreeningId, UserId, validate } from '@signaalhub/contracts';
import type { z } from 'zod';
import { InvalidScreeningInput } from '../screenings/screening-errors.js';

/** A path or query value as `schema` says, or 400 naming `field`; absent (undefined) stays absent when allowed. */
function parameter<S extends z.ZodType>(schema: S, field: string, value: unknown): z.output<S> {
  const parsed = validate(schema, value);
  if (!parsed.success) throw new InvalidScreeningInput(parsed.problems.map((problem) => ({ ...problem, field })));
  return parsed.data;
}

export const screeningIdParameter = (value: unknown): string => parameter(ScreeningId, 'id', value);

export const requestIdParameter = (value: unknown): string => parameter(InformationRequestId, 'requestId', value);

export const optionalMunicipality = (value: unknown): string | undefined => (value === undefined ? undefined : parameter(MunicipalityId, 'municipality', value));

export const optionalAssignee = (value: unknown): string | undefined => (value === undefined ? undefined : parameter(UserId, 'assignee', value));

export function versionParameter(value: unknown): number {
  const version = Number(value);
  if (!Number.isInteger(version) || version < 1 || version > 1_000_000) {
    throw new InvalidScreeningInput([{ field: 'version', rule: 'must be a whole number from 1', message: 'Moet een geheel getal vanaf 1 zijn' }]);
  }
  return version;
}
