import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OffsetCommits, offsetsByTopic, type PartitionOffset } from '../src/offset-commits.js';

describe('OffsetCommits', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is due at once when nothing was sent yet, then holds offsets back until the interval is over and the timer sends them', async () => {
    const sentByTimer: PartitionOffset[][] = [];
    const commits = new OffsetCommits(
      500,
      (offsets) => {
        sentByTimer.push([...offsets]);
        return Promise.resolve();
      },
      () => undefined,
    );
    expect(commits.due()).toBe(false); // nothing pending
    commits.handled('t', 0, '9');
    expect(commits.due()).toBe(true);
    await commits.send(() => Promise.resolve());
    commits.handled('t', 0, '10');
    commits.handled('t', 1, '3');
    commits.handled('t', 0, '11');
    expect(commits.due()).toBe(false);
    await vi.advanceTimersByTimeAsync(499);
    expect(sentByTimer).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    // The newest offset per partition, one past the last handled message.
    expect(sentByTimer).toEqual([
      [
        { topic: 't', partition: 0, offset: '12' },
        { topic: 't', partition: 1, offset: '4' },
      ],
    ]);
  });

  it('sends requests one after another, each with what was pending when it went out, and goes on after a failure', async () => {
    const commits = new OffsetCommits(0, () => Promise.resolve(), () => undefined);
    const order: string[] = [];
    let releaseFirst: () => void = () => undefined;
    commits.handled('t', 0, '1');
    const first = commits.send(async (offsets) => {
      order.push(`first ${offsets.map((offset) => offset.offset).join()}`);
      await new Promise<void>((resolve) => {
        releaseFirst = resolve;
      });
      throw new Error('rebalance');
    });
    await vi.advanceTimersByTimeAsync(0);
    commits.handled('t', 0, '5');
    const second = commits.send((offsets) => {
      order.push(`second ${offsets.map((offset) => offset.offset).join()}`);
      return Promise.resolve();
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(order).toEqual(['first 2']);
    releaseFirst();
    await expect(first).rejects.toThrow('rebalance');
    await second;
    expect(order).toEqual(['first 2', 'second 6']);
  });

  it('with interval 0 is due after every batch, and stop() ends a waiting timer', async () => {
    const sent: PartitionOffset[][] = [];
    const immediate = new OffsetCommits(0, () => Promise.resolve(), () => undefined);
    immediate.handled('t', 0, '0');
    expect(immediate.due()).toBe(true);
    const held = new OffsetCommits(
      1_000,
      (offsets) => {
        sent.push([...offsets]);
        return Promise.resolve();
      },
      () => undefined,
    );
    held.handled('t', 0, '0');
    await held.send(() => Promise.resolve());
    held.handled('t', 0, '1');
    expect(held.due()).toBe(false);
    held.stop();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(sent).toEqual([]);
  });

  it('reports a failed flush instead of rejecting, and drops its offsets (they are redelivered)', async () => {
    const failures: unknown[] = [];
    const attempts: PartitionOffset[][] = [];
    const commits = new OffsetCommits(
      0,
      (offsets) => {
        attempts.push([...offsets]);
        return Promise.reject(new Error('not the coordinator'));
      },
      (error) => failures.push(error),
    );
    commits.handled('t', 3, '41');
    await expect(commits.flush()).resolves.toBeUndefined();
    expect(attempts).toEqual([[{ topic: 't', partition: 3, offset: '42' }]]);
    expect(failures).toHaveLength(1);
    await commits.flush();
    expect(attempts).toHaveLength(1); // nothing pending any more: no empty request
  });

  it('groups offsets by topic for the OffsetCommit request', () => {
    expect(
      offsetsByTopic([
        { topic: 'a', partition: 0, offset: '1' },
        { topic: 'b', partition: 2, offset: '7' },
        { topic: 'a', partition: 1, offset: '3' },
      ]),
    ).toEqual({
      topics: [
        { topic: 'a', partitions: [{ partition: 0, offset: '1' }, { partition: 1, offset: '3' }] },
        { topic: 'b', partitions: [{ partition: 2, offset: '7' }] },
      ],
    });
  });
});
