import { describe, expect, it } from 'vitest';
import { InMemoryReplayStore } from '../src/index.js';

describe(InMemoryReplayStore.name, () => {
  it('rejects a key seen within its ttl and accepts it again after the ttl or after forget', async () => {
    let now = 1_000;
    const sut = new InMemoryReplayStore(() => now);
    expect(await sut.markSeen('riec-mn:id-1', 100)).toBe(true);
    expect(await sut.markSeen('riec-mn:id-1', 100)).toBe(false);
    expect(await sut.markSeen('politie-bes:id-1', 100)).toBe(true);
    now += 100;
    expect(await sut.markSeen('riec-mn:id-1', 100)).toBe(true);
    await sut.forget('riec-mn:id-1');
    expect(await sut.markSeen('riec-mn:id-1', 100)).toBe(true);
  });
});
