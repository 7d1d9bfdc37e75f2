import { describe, expect, it } from 'vitest';
import { shutdownBus, type BusConsumer, type BusProducer } from '../src/index.js';

/** Records the order of calls; stand-ins for our own interfaces, not for Kafka. */
function recordingParts(events: string[]): { consumer: BusConsumer; producer: BusProducer } {
  return {
    consumer: {
      start: () => Promise.resolve(),
      stop: async () => {
        events.push('consumer stop begins');
        await Promise.resolve();
        events.push('consumer stopped');
      },
    },
    producer: {
      connect: () => Promise.resolve(),
      send: () => Promise.resolve(),
      disconnect: () => {
        events.push('producer disconnected');
        return Promise.resolve();
      },
    },
  };
}

describe(shutdownBus.name, () => {
  it('disconnects producers only after every consumer stopped', async () => {
    const events: string[] = [];
    const { consumer, producer } = recordingParts(events);

    await shutdownBus({ consumers: [consumer, consumer], producers: [producer] });

    expect(events.lastIndexOf('consumer stopped')).toBeLessThan(events.indexOf('producer disconnected'));
    expect(events.filter((event) => event === 'consumer stopped')).toHaveLength(2);
  });

  it('rejects after still disconnecting producers when a consumer fails to stop', async () => {
    const events: string[] = [];
    const { producer } = recordingParts(events);
    const failing: BusConsumer = { start: () => Promise.resolve(), stop: () => Promise.reject(new Error('stop failed')) };

    await expect(shutdownBus({ consumers: [failing], producers: [producer] })).rejects.toThrow('1 bus part(s) failed to shut down');
    expect(events).toEqual(['producer disconnected']);
  });
});
