import { MunicipalityId, validate } from '@signaalhub/contracts';
import { invalid } from './api-errors.js';

/** `?municipality=`: required, a slug, and one of the configured municipalities (else 400 naming the field). */
export function municipalityParameter(value: unknown, configured: readonly string[]): string {
  const parsed = validate(MunicipalityId, value);
  if (!parsed.success) {
    throw invalid(parsed.problems.map((problem) => ({ ...problem, field: 'municipality' })));
  }
  if (!configured.includes(parsed.data)) {
    throw invalid([{ field: 'municipality', rule: 'must be a municipality with an agenda', message: 'Deze gemeente heeft geen agenda in de hub' }]);
  }
  return parsed.data;
}


/** The audit log gets the id only when it is a well-formed slug: free text from a query is never logged. */
export function auditableMunicipality(value: unknown): string {
  return MunicipalityId.safeParse(value).success ? String(value) : '(invalid)';
}
