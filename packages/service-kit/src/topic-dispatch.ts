import type { BusHandler, BusMessage } from '@signaalhub/bus';
import { EVENT_CATALOG, type EventType } from '@signaalhub/contracts';

/** The event types of the catalog that travel on `topic`. */
function typesOnTopic(topic: string): EventType[] {
  return (Object.keys(EVENT_CATALOG) as EventType[]).filter((type) => EVENT_CATALOG[type].topic === topic);
}

/** The header's `type`, read without validating anything else (the handler's inbox does that). */
function headerType(message: BusMessage): unknown {
  try {
    const parsed: unknown = JSON.parse(message.value.toString('utf8'));
    const header = typeof parsed === 'object' && parsed !== null ? (parsed as { header?: unknown }).header : undefined;
    return typeof header === 'object' && header !== null ? (header as { type?: unknown }).type : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One bus handler per topic for the handlers of the event types a service takes from it. A topic can
 * carry several types (DESIGN.md §6: `information.requested` and `.answered` share one), and a service
 * consumes some of them: a message of another type the catalog puts on that topic is for someone else
 * and is passed over (committed, not refused). Anything else (a type this topic never carries, a
 * malformed message) goes to a handler, whose inbox refuses and dead-letters it. A topic with one
 * catalog type is not looked into at all.
 */
export function topicHandler(topic: string, handlers: ReadonlyMap<EventType, BusHandler>): BusHandler {
  const first = handlers.values().next().value;
  if (first === undefined) throw new Error(`no handler for topic ${topic}`);
  const others = new Set<unknown>(typesOnTopic(topic).filter((type) => !handlers.has(type)));
  if (handlers.size === 1 && others.size === 0) return first;
  return async (message) => {
    const type = headerType(message);
    if (others.has(type)) return;
    await (handlers.get(type as EventType) ?? first)(message);
  };
}
