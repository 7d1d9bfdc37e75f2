import type { AuditedAccess } from '@signaalhub/access';
import type { UserIdentity } from '@signaalhub/identity';
import type { FeedAccessPolicy } from '../access/feed-access-policy.js';
import { mispEvent, mispEventDocumentSchema, type MispEventDocument } from '../exports/index.js';
import type { HitStore } from './hit-store.js';

export interface HitsMispExportParts {
  readonly store: HitStore;
  readonly policy: FeedAccessPolicy;
  readonly access: AuditedAccess;
  /** The same event every time, so a partner's MISP updates it on re-import. */
  readonly eventUuid: string;
  readonly organisation: { readonly name: string; readonly uuid: string };
  readonly clock: () => Date;
}

/**
 * The current cross-municipality hits (minus the exclusion list) as one MISP event for the liaison:
 * kind, themes, number of municipalities, first and last seen by day — never the hit's id, token or
 * identifier. Checked against MISP's event JSON shape before it leaves. Audited.
 */
export class HitsMispExport {
  constructor(private readonly parts: HitsMispExportParts) {}

  async export(caller: UserIdentity, origin: string): Promise<MispEventDocument> {
    const attempt = { caller, action: 'hits.export', object: { type: 'hits', id: 'misp' }, origin };
    await this.parts.access.check({ ...attempt, policy: this.parts.policy.liaison(caller), auditAllowed: true });
    const now = this.parts.clock();
    const date = now.toISOString().slice(0, 10);
    const hits = await this.parts.store.list({});
    const event = mispEvent({
      eventUuid: this.parts.eventUuid,
      releaseId: `treffers-${date}`,
      date,
      timestamp: now.getTime() / 1000,
      organisation: this.parts.organisation,
      hits: hits.map(({ kind, themes, municipalities, firstSeen, lastSeen }) => ({ kind, themes, municipalities, firstSeen, lastSeen })),
    });
    return mispEventDocumentSchema.parse(event);
  }
}
