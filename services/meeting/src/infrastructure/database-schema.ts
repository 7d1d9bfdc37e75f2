import { assertSchemaName } from '@signaalhub/database';

/** Identifiers cannot be query parameters; the schema name comes from validated configuration only. */
export function quotedSchema(schema: string): string {
  assertSchemaName(schema);
  return `"${schema}"`;
}
