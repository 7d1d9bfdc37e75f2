import { loadConfig } from '@signaalhub/config';
import { describe, expect, it } from 'vitest';
import { MeetingConfigSchema } from '../src/config.js';

const required = {
  KAFKA_BROKERS: '127.0.0.1:9092',
  REDIS_URL: 'redis://127.0.0.1:6379',
  DATABASE_URL: 'postgres://signaalhub@127.0.0.1:5432/signaalhub',
  KEYS_DIR: '/keys',
  HUB_KEY_PASSPHRASE: 'passphrase',
  IDENTITY_TOKEN_SECRET: 'x'.repeat(32),
};

describe('MeetingConfigSchema', () => {
  it('accepts any lowercase SQL identifier as the schema name, as the intake does', () => {
    const longest = `_${'a'.repeat(62)}`;
    expect(loadConfig(MeetingConfigSchema, { ...required, MEETING_DATABASE_SCHEMA: longest }).MEETING_DATABASE_SCHEMA).toBe(longest);
  });

  it('rejects a schema name that is not a lowercase SQL identifier, with the intake\'s message', () => {
    expect(() => loadConfig(MeetingConfigSchema, { ...required, MEETING_DATABASE_SCHEMA: 'Bad-Name' })).toThrow(
      'MEETING_DATABASE_SCHEMA: must be a lowercase SQL identifier (a-z, 0-9, _)',
    );
  });

  it('refuses identity tokens older than 300 s by default and takes a maximum age of at most 900 s', () => {
    expect(loadConfig(MeetingConfigSchema, required).IDENTITY_TOKEN_MAX_AGE_SECONDS).toBe(300);
    expect(() => loadConfig(MeetingConfigSchema, { ...required, IDENTITY_TOKEN_MAX_AGE_SECONDS: '3600' })).toThrow(
      'IDENTITY_TOKEN_MAX_AGE_SECONDS: must be a whole number from 10 to 900',
    );
  });
});
