import type { AuditedAccess } from '@signaalhub/access';
import { HitsQuery, validateRequest, type CrossMunicipalityHit } from '@signaalhub/contracts';
import type { UserIdentity } from '@signaalhub/identity';
import type { FeedAccessPolicy } from '../access/feed-access-policy.js';
import { InvalidFeedInput } from '../http/feed-errors.js';
import type { HitStore } from './hit-store.js';

/** The liaison's list of cross-municipality hits: kind, themes, number of municipalities, first and last seen. */
export class CrossMunicipalityHits {
  constructor(
    private readonly store: HitStore,
    private readonly policy: FeedAccessPolicy,
    private readonly access: AuditedAccess,
  ) {}

  async list(caller: UserIdentity, query: unknown, origin: string): Promise<CrossMunicipalityHit[]> {
    await this.access.check({ caller, action: 'hits.list', object: { type: 'hits', id: 'all' }, origin, policy: this.policy.liaison(caller) });
    const parsed = validateRequest(HitsQuery, query);
    if (!parsed.success) throw new InvalidFeedInput(parsed.problems);
    return this.store.list(parsed.data);
  }
}
