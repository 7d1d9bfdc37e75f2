import { createLogger } from '@signaalhub/logging';
import { eventually } from '@signaalhub/test-infra';
import { describe, expect, it } from 'vitest';
import type { ClaimedOutboxBatch, OutboxMessage, OutboxPublisher, OutboxSource } from '../src/outbox-message.js';
import { OutboxRelay, runsByTopic } from '../src/outbox-relay.js';

const logger = createLogger('outbox-relay-test', 'silent');

function message(position: number, topic = 'signals'): OutboxMessage {
  return { position: String(position), messageId: `m-${String(position)}`, topic, key: 'soest', value: Buffer.from(String(position)) };
}

/** An outbox in memory: claimed rows are locked until marked or released, like the PostgreSQL one. */
class FakeOutbox implements OutboxSource {
  readonly published: string[] = [];
  readonly rows: OutboxMessage[] = [];
  private locked = false;
  claims = 0;

  add(...messages: OutboxMessage[]): void {
    this.rows.push(...messages);
  }

  claimBatch(limit: number): Promise<ClaimedOutboxBatch | undefined> {
    this.claims += 1;
    const pending = this.rows.filter((row) => !this.published.includes(row.position)).slice(0, limit);
    if (this.locked || pending.length === 0) return Promise.resolve(undefined);
    this.locked = true;
    return Promise.resolve({
      messages: pending,
      markPublished: () => {
        this.published.push(...pending.map((row) => row.position));
        this.locked = false;
        return Promise.resolve();
      },
      release: () => {
        this.locked = false;
        return Promise.resolve();
      },
    });
  }
}

/** Records what the "broker" acknowledged; fails the first `failures` sends. */
class FakeBroker implements OutboxPublisher {
  readonly acknowledged: string[] = [];
  attempts = 0;
  pending: (() => void) | undefined;

  constructor(
    private failures = 0,
    private readonly holdAcks = false,
  ) {}

  async publish(_topic: string, messages: readonly OutboxMessage[]): Promise<void> {
    this.attempts += 1;
    if (this.failures > 0) {
      this.failures -= 1;
      throw new Error('KafkaJSConnectionError');
    }
    if (this.holdAcks) await new Promise<void>((resolve) => (this.pending = resolve));
    this.acknowledged.push(...messages.map((entry) => entry.position));
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

function relay(outbox: FakeOutbox, broker: FakeBroker, pollMs = 60_000): OutboxRelay {
  return new OutboxRelay({ source: outbox, publisher: broker, logger, pollMs, batchSize: 2, backoff: { initialMs: 5, maxMs: 20 } });
}

describe(OutboxRelay.name, () => {
  it('publishes rows in outbox order, batch after batch', async () => {
    const outbox = new FakeOutbox();
    outbox.add(message(1), message(2), message(3), message(4), message(5));
    const broker = new FakeBroker();
    const sut = relay(outbox, broker, 10);
    sut.start();
    await eventually(() => (outbox.published.length === 5 ? true : undefined), { timeoutMs: 5_000, what: 'all rows published' });
    await sut.stop();
    expect(broker.acknowledged).toEqual(['1', '2', '3', '4', '5']);
    expect(outbox.published).toEqual(['1', '2', '3', '4', '5']);
  });

  it('marks rows published only after the broker acknowledged them', async () => {
    const outbox = new FakeOutbox();
    outbox.add(message(1));
    const broker = new FakeBroker(0, true);
    const sut = relay(outbox, broker);
    const round = sut.runRound();
    await eventually(() => broker.pending, { timeoutMs: 5_000, what: 'the send in flight' });
    expect(outbox.published).toEqual([]);
    broker.pending?.();
    await expect(round).resolves.toEqual({ kind: 'published', count: 1 });
    expect(outbox.published).toEqual(['1']);
  });

  it('releases the rows when publishing fails and retries them, in order, with backoff', async () => {
    const outbox = new FakeOutbox();
    outbox.add(message(1), message(2), message(3));
    const broker = new FakeBroker(3);
    const sut = relay(outbox, broker, 10);
    await expect(sut.runRound()).resolves.toEqual({ kind: 'failed' });
    expect(outbox.published).toEqual([]);
    sut.start();
    await eventually(() => (outbox.published.length === 3 ? true : undefined), { timeoutMs: 5_000, what: 'rows published after the broker recovered' });
    await sut.stop();
    expect(broker.acknowledged).toEqual(['1', '2', '3']);
    expect(broker.attempts).toBe(5);
  });

  it('starts a round at once when woken, without waiting for the poll', async () => {
    const outbox = new FakeOutbox();
    const broker = new FakeBroker();
    const sut = relay(outbox, broker, 60_000);
    sut.start();
    await eventually(() => (outbox.claims >= 1 ? true : undefined), { timeoutMs: 5_000, what: 'the first round' });
    outbox.add(message(1));
    sut.wake();
    await eventually(() => (outbox.published.length === 1 ? true : undefined), { timeoutMs: 5_000, what: 'the woken round' });
    await sut.stop();
  });

  it('is idle while another relay holds the outbox', async () => {
    const outbox = new FakeOutbox();
    outbox.add(message(1), message(2), message(3));
    const held = await outbox.claimBatch(10);
    await expect(relay(outbox, new FakeBroker()).runRound()).resolves.toEqual({ kind: 'idle' });
    await held?.release();
  });
});

describe(runsByTopic.name, () => {
  it('groups consecutive messages of one topic and keeps the order', () => {
    const runs = runsByTopic([message(1, 'a'), message(2, 'a'), message(3, 'b'), message(4, 'a')]);
    expect(runs.map((run) => [run.topic, run.messages.map((entry) => entry.position)])).toEqual([
      ['a', ['1', '2']],
      ['b', ['3']],
      ['a', ['4']],
    ]);
  });
});
