/** PostgreSQL's identifier limit is 63 bytes; lowercase only, so quoting never changes the name's meaning. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Identifiers cannot be query parameters: a schema name goes into SQL text, so only a plain lowercase name passes. */
export function quotedSchema(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) throw new Error('schema name must be a lowercase SQL identifier (a-z, 0-9, _)');
  return `"${schema}"`;
}
