import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, infrastructureEnv, loadConfig, port } from '../src/index.js';

const schema = z.object({ ...infrastructureEnv, PORT: port });
const goodEnv = {
  KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.1:9093',
  REDIS_URL: 'redis://127.0.0.1:6379',
  DATABASE_URL: 'postgres://hub@127.0.0.1:5432/hub',
  PORT: '3000',
};

function problemsOf(env: Record<string, string | undefined>): readonly string[] {
  try {
    loadConfig(schema, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe(loadConfig.name, () => {
  it('parses a good environment into typed values', () => {
    const sut = loadConfig(schema, goodEnv);
    expect(sut.KAFKA_BROKERS).toEqual(['127.0.0.1:9092', '127.0.0.1:9093']);
    expect(sut.PORT).toBe(3000);
    expect(sut.LOG_LEVEL).toBe('info');
  });

  it('rejects a broker list without ports, naming the variable and the rule', () => {
    expect(problemsOf({ ...goodEnv, KAFKA_BROKERS: 'localhost' })).toEqual([
      'KAFKA_BROKERS: must be a comma-separated list of host:port',
    ]);
  });

  it('rejects a missing variable as required', () => {
    const { REDIS_URL: _omitted, ...env } = goodEnv;
    expect(problemsOf(env)).toEqual(['REDIS_URL: is required']);
  });

  it('rejects a database URL with the wrong protocol', () => {
    expect(problemsOf({ ...goodEnv, DATABASE_URL: 'mysql://x@y/z' })).toEqual([
      'DATABASE_URL: must be a URL starting with postgres:// or postgresql://',
    ]);
  });

  it('rejects a value that is no URL at all with the URL rule, without crashing the protocol check', () => {
    expect(problemsOf({ ...goodEnv, DATABASE_URL: 'not a url' })).toEqual(['DATABASE_URL: must be a URL']);
  });

  it('rejects an out-of-range port and never echoes the value', () => {
    const problems = problemsOf({ ...goodEnv, PORT: '70000' });
    expect(problems).toEqual(['PORT: must be a whole number from 1 to 65535']);
    expect(problems.join()).not.toContain('70000');
  });

  it('reports every bad variable at once', () => {
    expect(problemsOf({ ...goodEnv, PORT: 'x', LOG_LEVEL: 'loud' })).toHaveLength(2);
  });
});
