import type { AgendaJobData } from '@signaalhub/contracts';
import type { Logger } from '@signaalhub/logging';
import type { JobHandler } from '@signaalhub/service-kit';
import type { AgendaStore } from './agenda-store.js';

/** The agenda job's handler: moves the job into the agenda table (idempotent on the message id). */
export function placeOnAgenda(store: AgendaStore, logger: Logger): JobHandler<AgendaJobData> {
  return async (data) => {
    const added = await store.insert(data);
    logger.info({ messageId: data.messageId, municipality: data.municipality, added }, added ? 'signal placed on agenda' : 'signal already on agenda');
  };
}
