import { describe, expect, it } from 'vitest';
import { renderSettingsAsShellLines, resolveStackConfig, stackSettings, withoutPassword } from '../src/settings.js';

describe(resolveStackConfig.name, () => {
  it('uses the default ports and a cache under HOME when the environment sets nothing', () => {
    const sut = resolveStackConfig({ env: { HOME: '/home/dev' } });

    expect(sut.kafkaPort).toBe(19092);
    expect(sut.kafkaControllerPort).toBe(19093);
    expect(sut.redisPort).toBe(16379);
    expect(sut.postgresPort).toBe(15432);
    expect(sut.stackDir).toMatch(/\/\.stack$/);
    expect(sut.kafkaCacheDir).toBe('/home/dev/.cache/signaalhub/kafka-4.1.1');
    expect(sut.external).toEqual({});
  });

  it('takes ports, stack dir and cache from STACK_* and XDG_CACHE_HOME when set', () => {
    const sut = resolveStackConfig({
      env: {
        STACK_DIR: '/tmp/s',
        STACK_KAFKA_PORT: '29092',
        STACK_REDIS_PORT: '26379',
        STACK_POSTGRES_PORT: '25432',
        XDG_CACHE_HOME: '/cache',
      },
    });

    expect(sut).toMatchObject({
      stackDir: '/tmp/s',
      kafkaPort: 29092,
      kafkaControllerPort: 29093,
      redisPort: 26379,
      postgresPort: 25432,
      kafkaCacheDir: '/cache/signaalhub/kafka-4.1.1',
    });
  });

  it('prefers explicit options over the environment', () => {
    const sut = resolveStackConfig({ stackDir: '/opt/s', kafkaPort: 39092, env: { STACK_DIR: '/tmp/s', STACK_KAFKA_PORT: '29092' } });

    expect(sut.stackDir).toBe('/opt/s');
    expect(sut.kafkaPort).toBe(39092);
    expect(sut.kafkaControllerPort).toBe(39093);
  });

  it('rejects a port variable that is not a TCP port', () => {
    expect(() => resolveStackConfig({ env: { STACK_REDIS_PORT: '70000' } })).toThrow(/STACK_REDIS_PORT must be a TCP port/);
    expect(() => resolveStackConfig({ env: { STACK_KAFKA_PORT: 'abc' } })).toThrow(/STACK_KAFKA_PORT/);
  });

  it('uses servers named by KAFKA_BROKERS, REDIS_URL and DATABASE_URL as they are', () => {
    const config = resolveStackConfig({
      env: { KAFKA_BROKERS: 'k1:9092, k2:9092', REDIS_URL: 'redis://r:6379', DATABASE_URL: 'postgres://u@db/x' },
    });

    const sut = stackSettings(config);

    expect(sut.kafkaBrokers).toEqual(['k1:9092', 'k2:9092']);
    expect(sut.kafkaVersion).toBe('external');
    expect(sut.redisUrl).toBe('redis://r:6379');
    expect(sut.databaseUrl).toBe('postgres://u@db/x');
  });
});

describe(renderSettingsAsShellLines.name, () => {
  it('prints the local settings as NAME=value lines', () => {
    const settings = stackSettings(resolveStackConfig({ env: { STACK_DIR: '/tmp/s' } }));

    const sut = renderSettingsAsShellLines(settings);

    expect(sut).toEqual([
      'KAFKA_BROKERS=127.0.0.1:19092',
      'REDIS_URL=redis://127.0.0.1:16379',
      'DATABASE_URL=postgres://signaalhub@127.0.0.1:15432/signaalhub',
      "KAFKA_VERSION='Apache Kafka 4.1.1'",
    ]);
  });
});

describe(withoutPassword.name, () => {
  it('masks the password of a URL and leaves one without a password as it is', () => {
    expect(withoutPassword('postgres://app:s3cret@db:5432/x')).toBe('postgres://app:***@db:5432/x');
    expect(withoutPassword('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
  });
});
