import type { Logger } from '@signaalhub/logging';
import type { Admin, ITopicConfig } from 'kafkajs';
import { deadLetterTopic } from './dead-letter.js';
import type { TopicSpec } from './topic-spec.js';

export interface ProvisionOptions {
  /** 1 on a local single broker; 3 in production. */
  readonly replicationFactor: number;
  /** Production: 2, so acks=all survives one broker down without ever acking on a single copy. */
  readonly minInsyncReplicas?: number;
}

export interface ProvisionReport {
  readonly created: string[];
  readonly existing: string[];
}

/**
 * Creates every topic and its dead-letter topic that does not exist yet. Existing topics are left as
 * they are: provisioning runs at every service start, possibly from several services at once.
 */
export async function provisionTopics(
  admin: Admin,
  topics: readonly TopicSpec[],
  options: ProvisionOptions,
  logger: Logger,
): Promise<ProvisionReport> {
  validateProvisionOptions(options);
  const wanted = topics.flatMap((spec) => [toTopicConfig(spec, spec.cleanupPolicy, options), toDeadLetterConfig(spec, options)]);
  const existingBefore = new Set(await admin.listTopics());
  const missing = wanted.filter((config) => !existingBefore.has(config.topic));
  if (missing.length > 0) {
    try {
      await admin.createTopics({ topics: missing, waitForLeaders: true });
    } catch (error) {
      // Another service may have created some of them in between, or a fresh broker answered
      // UNKNOWN_TOPIC_OR_PARTITION while its metadata caught up with a topic it had just created.
      // Only a topic that stays missing is an error.
      if (!(await topicsAppear(admin, missing.map((config) => config.topic), TOPIC_APPEAR_DEADLINE_MS))) throw error;
    }
  }
  const report = {
    created: missing.map((config) => config.topic),
    existing: wanted.filter((config) => existingBefore.has(config.topic)).map((config) => config.topic),
  };
  logger.info(report, 'topics provisioned');
  return report;
}

const TOPIC_APPEAR_DEADLINE_MS = 15_000;

/** Polls until every topic is listed and has partition metadata, or the deadline passes. */
async function topicsAppear(admin: Admin, topics: readonly string[], deadlineMs: number): Promise<boolean> {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    const listed = new Set(await admin.listTopics());
    if (topics.every((topic) => listed.has(topic))) {
      const ready = await admin
        .fetchTopicMetadata({ topics: [...topics] })
        .then((metadata) => metadata.topics.every((topic) => topic.partitions.length > 0))
        .catch(() => false);
      if (ready) return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

function toTopicConfig(spec: TopicSpec, cleanupPolicy: TopicSpec['cleanupPolicy'], options: ProvisionOptions): ITopicConfig {
  if (!Number.isInteger(spec.partitions) || spec.partitions < 1) {
    throw new RangeError(`Topic "${spec.name}": partitions must be an integer ≥ 1, got ${spec.partitions}`);
  }
  const configEntries = [
    { name: 'retention.ms', value: String(spec.retentionMs) },
    { name: 'cleanup.policy', value: cleanupPolicy },
  ];
  if (options.minInsyncReplicas !== undefined) {
    configEntries.push({ name: 'min.insync.replicas', value: String(options.minInsyncReplicas) });
  }
  return { topic: spec.name, numPartitions: spec.partitions, replicationFactor: options.replicationFactor, configEntries };
}

/**
 * Same partitions (a key keeps its partition number) and retention as its source, but always `delete`:
 * the key is a municipality id, so compaction would keep only the last dead letter per municipality.
 */
function toDeadLetterConfig(spec: TopicSpec, options: ProvisionOptions): ITopicConfig {
  return toTopicConfig({ ...spec, name: deadLetterTopic(spec.name) }, 'delete', options);
}

function validateProvisionOptions(options: ProvisionOptions): void {
  const { replicationFactor, minInsyncReplicas } = options;
  if (!Number.isInteger(replicationFactor) || replicationFactor < 1) {
    throw new RangeError(`replicationFactor must be an integer ≥ 1, got ${replicationFactor}`);
  }
  if (minInsyncReplicas !== undefined && (!Number.isInteger(minInsyncReplicas) || minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor)) {
    throw new RangeError(`minInsyncReplicas must be an integer between 1 and replicationFactor (${replicationFactor}), got ${minInsyncReplicas}`);
  }
}
