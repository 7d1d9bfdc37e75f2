import { z } from 'zod';
import { DecisionRecorded } from '../decision-recorded.js';
import { EventType } from '../event-types.js';
import { InformationAnswered, InformationRequested } from '../information.js';
import { MunicipalityEntry } from '../municipalities.js';
import { PartyDirectory } from '../parties.js';
import { Signal, SignalSubmission } from '../signal.js';
import { User } from '../user.js';

/** One published JSON Schema per top-level message shape; the key is the file's base name. */
export const PUBLISHED_SCHEMAS = {
  'party-directory': PartyDirectory,
  'municipality-entry': MunicipalityEntry,
  user: User,
  'event-type': EventType,
  signal: Signal,
  'signal-submission': SignalSubmission,
  'decision-recorded': DecisionRecorded,
  'information-requested': InformationRequested,
  'information-answered': InformationAnswered,
} as const satisfies Record<string, z.ZodType>;

/**
 * File name → file content of every published schema, as written to `docs/schemas/`.
 *
 * Generated from the OUTPUT side of the zod schemas: partners see the canonical form (`3761AB`, not
 * `3761 ab`), which every hub parser also accepts. Checks that JSON Schema cannot express (indicators
 * fit the theme, birth date not in the future, distinct recipients) are only in the zod schemas.
 */
export function generateJsonSchemas(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [name, schema] of Object.entries(PUBLISHED_SCHEMAS)) {
    const { $schema, ...body } = z.toJSONSchema(schema, { io: 'output' });
    const jsonSchema = { $schema, title: name, ...body };
    files[`${name}.schema.json`] = `${JSON.stringify(jsonSchema, null, 2)}\n`;
  }
  return files;
}
