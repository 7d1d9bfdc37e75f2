import { eventually } from '@signaalhub/test-infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgendaReader } from '../src/agenda/agenda-reader.js';
import type { MeetingService } from '../src/composition.js';
import { testParts } from './support/meeting-parts.js';
import { busMessageOf, randomKvkNumber, sealSignal } from './support/sealed-signals.js';

describe(`${AgendaReader.name} hits`, () => {
  let parts: MeetingService;

  beforeAll(async () => {
    parts = await testParts();
    await parts.start();
  });

  afterAll(async () => {
    await parts.close();
  });

  async function admit(municipality: string, kvkNumber: string): Promise<string> {
    const { envelope } = await sealSignal({ municipality, kvkNumber });
    expect(await parts.admission.admit(busMessageOf(envelope))).toBe('admitted');
    return envelope.header.messageId;
  }

  it('counts other signals with the same KvK token per municipality and puts the item with hits first', async () => {
    const shared = randomKvkNumber();
    const lonely = await admit('soest', randomKvkNumber());
    await admit('baarn', shared);
    await admit('baarn', shared);
    await admit('eemnes', shared);
    const withHits = await admit('soest', shared);

    const agenda = await eventually(async () => {
      const entries = await parts.reader.pending('soest');
      return entries.length === 2 ? entries : undefined;
    }, { timeoutMs: 30_000, what: 'both Soest items on the agenda' });

    expect(agenda.map((entry) => entry.id)).toEqual([withHits, lonely]);
    expect(agenda[0]).toMatchObject({
      priority: 'hoog',
      hits: [
        { municipality: 'baarn', count: 2 },
        { municipality: 'eemnes', count: 1 },
      ],
    });
    expect(agenda[1]).toMatchObject({ priority: 'normaal', hits: [] });
    // Only routing facts and counts: nothing of the signal's content.
    expect(Object.keys(agenda[0] ?? {}).sort()).toEqual(['hits', 'id', 'priority', 'receivedAt', 'theme']);
  });
});
