import type { BusMessage, OutgoingMessage } from '../../src/index.js';

/** Test messages carry their id in a header; ids are sequence numbers, never personal data. */
export const MESSAGE_ID_HEADER = 'test-message-id';

const MUNICIPALITIES = ['gemeente-baarn', 'gemeente-bunschoten', 'gemeente-eemnes', 'gemeente-soest', 'gemeente-de-bilt'];

export function testMessage(id: number, valueBytes = 64): OutgoingMessage {
  const value = Buffer.alloc(valueBytes, id % 251);
  value.writeUInt32BE(id, 0);
  return { key: MUNICIPALITIES[id % MUNICIPALITIES.length] ?? 'gemeente-baarn', value, headers: { [MESSAGE_ID_HEADER]: String(id) } };
}

export function messageId(message: BusMessage): number {
  const id = Number(message.headers[MESSAGE_ID_HEADER]);
  if (!Number.isInteger(id)) throw new Error(`message at offset ${message.offset} has no ${MESSAGE_ID_HEADER} header`);
  return id;
}
