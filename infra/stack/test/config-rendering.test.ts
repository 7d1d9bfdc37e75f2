import { describe, expect, it } from 'vitest';
import { renderKafkaPom, renderLog4j2Properties, renderServerProperties } from '../src/kafka-config.js';
import { renderPgHba, renderPostgresSettings, socketDirFits } from '../src/postgres-config.js';
import { renderRedisConfig } from '../src/redis-config.js';

function parseProperties(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

describe(renderServerProperties.name, () => {
  it('renders a single-node KRaft broker and controller on loopback', () => {
    const sut = parseProperties(renderServerProperties({ port: 29092, controllerPort: 29093, dataDir: '/s/kafka/data' }));

    expect(sut).toMatchObject({
      'process.roles': 'broker,controller',
      'controller.quorum.voters': '1@127.0.0.1:29093',
      listeners: 'PLAINTEXT://127.0.0.1:29092,CONTROLLER://127.0.0.1:29093',
      'advertised.listeners': 'PLAINTEXT://127.0.0.1:29092',
      'log.dirs': '/s/kafka/data',
      'offsets.topic.replication.factor': '1',
      'transaction.state.log.replication.factor': '1',
      'group.initial.rebalance.delay.ms': '0',
      'auto.create.topics.enable': 'false',
    });
  });
});

describe(renderLog4j2Properties.name, () => {
  it('sends the root logger to the given file', () => {
    const sut = renderLog4j2Properties('/s/kafka/logs/server.log');

    expect(sut).toContain('appender.file.fileName = /s/kafka/logs/server.log');
    expect(sut).toContain('rootLogger.appenderRef.file.ref = file');
  });
});

describe(renderKafkaPom.name, () => {
  it('names kafka_2.13, log4j 2 and slf4j 2 so logging is not a no-op', () => {
    const sut = renderKafkaPom('4.1.1');

    expect(sut).toContain('<artifactId>kafka_2.13</artifactId><version>4.1.1</version>');
    expect(sut).toContain('<artifactId>log4j-slf4j2-impl</artifactId><version>2.25.3</version>');
    expect(sut).toContain('<artifactId>log4j-core</artifactId><version>2.25.3</version>');
    expect(sut).toMatch(/<artifactId>slf4j-api<\/artifactId><version>2\.0\.\d+<\/version>/);
  });
});

describe(renderRedisConfig.name, () => {
  it('persists every write and never evicts, on loopback only', () => {
    const sut = renderRedisConfig({ port: 26379, dataDir: '/s/redis data', logFile: '/s/redis.log' }).split('\n');

    expect(sut).toEqual(
      expect.arrayContaining([
        'bind 127.0.0.1',
        'port 26379',
        'appendonly yes',
        'maxmemory-policy noeviction',
        'dir "/s/redis data"',
        'daemonize no',
      ]),
    );
  });
});

describe(renderPostgresSettings.name, () => {
  it('listens on loopback at the given port with the socket in the stack dir', () => {
    const sut = renderPostgresSettings({ port: 25432, socketDir: "/s/it's/run" });

    expect(sut).toContain("listen_addresses = '127.0.0.1'");
    expect(sut).toContain('port = 25432');
    expect(sut).toContain("unix_socket_directories = '/s/it''s/run'");
  });
});

describe(renderPgHba.name, () => {
  it('trusts local sockets and 127.0.0.1 only', () => {
    const sut = renderPgHba().trim().split('\n');

    expect(sut).toEqual(['local all all trust', 'host all all 127.0.0.1/32 trust']);
  });
});

describe(socketDirFits.name, () => {
  it('rejects a socket dir whose socket path exceeds the kernel limit', () => {
    expect(socketDirFits('/work/main/.stack/postgres/run', 15432)).toBe(true);
    expect(socketDirFits(`/tmp/${'x'.repeat(100)}`, 15432)).toBe(false);
  });
});
