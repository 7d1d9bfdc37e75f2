/** Pure renderers for the broker's configuration files; unit-tested without a JVM. */

export interface KafkaServerLayout {
  port: number;
  controllerPort: number;
  dataDir: string;
}

/** A single-node KRaft broker on loopback: one process is broker and controller. */
export function renderServerProperties(layout: KafkaServerLayout): string {
  const properties: [string, string | number][] = [
    ['process.roles', 'broker,controller'],
    ['node.id', 1],
    // Static voters (not --standalone): the quorum is fixed by config, so a port change needs no re-format.
    ['controller.quorum.voters', `1@127.0.0.1:${layout.controllerPort}`],
    ['listeners', `PLAINTEXT://127.0.0.1:${layout.port},CONTROLLER://127.0.0.1:${layout.controllerPort}`],
    ['advertised.listeners', `PLAINTEXT://127.0.0.1:${layout.port}`],
    ['controller.listener.names', 'CONTROLLER'],
    ['inter.broker.listener.name', 'PLAINTEXT'],
    ['listener.security.protocol.map', 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT'],
    ['log.dirs', layout.dataDir],
    ['num.partitions', 1],
    // One broker: internal topics cannot have more replicas than brokers.
    ['offsets.topic.replication.factor', 1],
    ['transaction.state.log.replication.factor', 1],
    ['transaction.state.log.min.isr', 1],
    ['share.coordinator.state.topic.replication.factor', 1],
    ['share.coordinator.state.topic.min.isr', 1],
    // Tests join consumer groups constantly; the 3 s default delay would only slow them down.
    ['group.initial.rebalance.delay.ms', 0],
    // Topics are created deliberately (per test, per service), never by a typo in a producer.
    ['auto.create.topics.enable', 'false'],
  ];
  return `${properties.map(([key, value]) => `${key}=${String(value)}`).join('\n')}\n`;
}

/** Log4j 2 configuration sending the broker's own log to one file instead of stdout. */
export function renderLog4j2Properties(logFile: string): string {
  return [
    'status = warn',
    'appender.file.type = File',
    'appender.file.name = file',
    `appender.file.fileName = ${logFile}`,
    'appender.file.layout.type = PatternLayout',
    'appender.file.layout.pattern = [%d] %p %m (%c)%n',
    'rootLogger.level = INFO',
    'rootLogger.appenderRef.file.ref = file',
    // The state-change and request loggers are chatty at INFO and say nothing a local stack needs.
    'logger.stateChange.name = state.change.logger',
    'logger.stateChange.level = WARN',
    'logger.request.name = kafka.request.logger',
    'logger.request.level = WARN',
    '',
  ].join('\n');
}

/** The Maven project whose runtime dependencies are the broker's classpath. */
export function renderKafkaPom(kafkaVersion: string): string {
  const dependency = (groupId: string, artifactId: string, version: string): string =>
    `    <dependency><groupId>${groupId}</groupId><artifactId>${artifactId}</artifactId><version>${version}</version></dependency>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<project xmlns="http://maven.apache.org/POM/4.0.0">',
    '  <modelVersion>4.0.0</modelVersion>',
    '  <groupId>nl.signaalhub</groupId>',
    '  <artifactId>kafka-broker-classpath</artifactId>',
    '  <version>1</version>',
    '  <packaging>pom</packaging>',
    '  <dependencies>',
    dependency('org.apache.kafka', 'kafka_2.13', kafkaVersion),
    // slf4j 2 must be named: without it Maven mediates to Kafka's slf4j 1.7 and logging becomes a no-op.
    dependency('org.slf4j', 'slf4j-api', '2.0.17'),
    dependency('org.apache.logging.log4j', 'log4j-slf4j2-impl', '2.25.3'),
    dependency('org.apache.logging.log4j', 'log4j-core', '2.25.3'),
    '  </dependencies>',
    '</project>',
    '',
  ].join('\n');
}
