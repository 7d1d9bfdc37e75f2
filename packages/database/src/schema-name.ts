/** What a schema name may be: it goes into SQL text (identifiers cannot be query parameters). */
export const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** The rule as configuration errors state it. */
export const SCHEMA_NAME_RULE = 'must be a lowercase SQL identifier (a-z, 0-9, _)';

export function assertSchemaName(schema: string): void {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`schema ${SCHEMA_NAME_RULE}`);
}

/** The schema name checked and quoted for SQL text; lowercase only, so quoting never changes its meaning. */
export function quotedSchema(schema: string): string {
  assertSchemaName(schema);
  return `"${schema}"`;
}
