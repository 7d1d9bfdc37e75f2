import type { BusHandler, BusMessage } from '@signaalhub/bus';
import { EventTypes, Topics, type EventType } from '@signaalhub/contracts';
import { describe, expect, it } from 'vitest';
import { topicHandler } from '../src/topic-dispatch.js';

function messageOf(topic: string, value: unknown): BusMessage {
  const bytes = typeof value === 'string' ? value : JSON.stringify(value);
  return { topic, partition: 0, offset: '0', key: 'soest', value: Buffer.from(bytes), headers: {} };
}

function recording(): { handler: BusHandler; seen: string[] } {
  const seen: string[] = [];
  return { seen, handler: (message) => Promise.resolve(void seen.push(message.value.toString('utf8'))) };
}

describe(topicHandler.name, () => {
  it('passes over a type the topic carries that the service does not take in', async () => {
    const requested = recording();
    const sut = topicHandler(Topics.information, new Map<EventType, BusHandler>([[EventTypes.informationRequested, requested.handler]]));
    await sut(messageOf(Topics.information, { header: { type: EventTypes.informationAnswered }, body: 'x' }));
    await sut(messageOf(Topics.information, { header: { type: EventTypes.informationRequested }, body: 'y' }));
    expect(requested.seen).toHaveLength(1);
    expect(requested.seen[0]).toContain('"body":"y"');
  });

  it('routes each type to its own handler when a service takes in two types of one topic', async () => {
    const requested = recording();
    const answered = recording();
    const sut = topicHandler(
      Topics.information,
      new Map<EventType, BusHandler>([
        [EventTypes.informationRequested, requested.handler],
        [EventTypes.informationAnswered, answered.handler],
      ]),
    );
    await sut(messageOf(Topics.information, { header: { type: EventTypes.informationAnswered }, body: 'a' }));
    expect(requested.seen).toHaveLength(0);
    expect(answered.seen).toHaveLength(1);
  });

  it('hands a malformed message or a foreign type to a handler, so its inbox refuses it', async () => {
    const requested = recording();
    const sut = topicHandler(Topics.information, new Map<EventType, BusHandler>([[EventTypes.informationRequested, requested.handler]]));
    await sut(messageOf(Topics.information, 'not json'));
    await sut(messageOf(Topics.information, { header: { type: EventTypes.signalSubmitted }, body: 'z' }));
    expect(requested.seen).toHaveLength(2);
  });

  it('returns the handler itself for a topic with one event type', () => {
    const submitted = recording();
    const sut = topicHandler(Topics.signalSubmitted, new Map<EventType, BusHandler>([[EventTypes.signalSubmitted, submitted.handler]]));
    expect(sut).toBe(submitted.handler);
  });
});
