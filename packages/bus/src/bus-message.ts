/** One message to produce. The key is a municipality id (ordering per municipality) — never personal data. */
export interface OutgoingMessage {
  readonly key: string;
  /** Ciphertext (an envelope); the bus never looks inside. */
  readonly value: Buffer;
  readonly headers?: Readonly<Record<string, string>>;
}

/** What a handler receives: the raw record plus where it came from. */
export interface BusMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string;
  readonly value: Buffer;
  readonly headers: Readonly<Record<string, string>>;
}

/** Resolves when the message is handled; throwing or rejecting triggers retry and, finally, the DLQ. */
export type BusHandler = (message: BusMessage) => Promise<void>;
