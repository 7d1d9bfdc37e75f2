import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PUBLISHED_SCHEMAS, generateJsonSchemas } from '../src/index.js';

const schemasDir = fileURLToPath(new URL('../../../docs/schemas/', import.meta.url));
const REGENERATE = 'run: npx tsx --conditions=source packages/contracts/scripts/write-json-schemas.ts';

describe(generateJsonSchemas.name, () => {
  const sut = generateJsonSchemas;

  it('produces one file per published schema', () => {
    expect(Object.keys(sut()).sort()).toEqual(Object.keys(PUBLISHED_SCHEMAS).map((name) => `${name}.schema.json`).sort());
  });

  it('matches the committed docs/schemas exactly', () => {
    const generated = sut();
    const committed = readdirSync(schemasDir).filter((name) => name.endsWith('.schema.json'));
    expect(committed.sort(), `docs/schemas has other files than the generator makes; ${REGENERATE}`).toEqual(
      Object.keys(generated).sort(),
    );
    for (const [name, content] of Object.entries(generated)) {
      expect(readFileSync(`${schemasDir}${name}`, 'utf8'), `docs/schemas/${name} is stale; ${REGENERATE}`).toBe(content);
    }
  });

  it('publishes the canonical patterns and rejects unknown fields', () => {
    const signal = JSON.parse(sut()['signal.schema.json'] ?? '{}') as {
      additionalProperties: boolean;
      properties: { location: { properties: { postcode: { pattern: string } } } };
    };
    expect(signal.additionalProperties).toBe(false);
    expect(new RegExp(signal.properties.location.properties.postcode.pattern).test('3761AB')).toBe(true);
    expect(new RegExp(signal.properties.location.properties.postcode.pattern).test('3761 ab')).toBe(false);
  });

  it('avoids look-around in patterns, so RE2-based validators can use them', () => {
    for (const content of Object.values(sut())) expect(content).not.toMatch(/\(\?<?[=!]/);
  });
});
