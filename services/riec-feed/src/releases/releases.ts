import { ObjectNotFound, type AuditedAccess } from '@signaalhub/access';
import { ReleaseRequestForm, validateRequest, type ReleaseSummary } from '@signaalhub/contracts';
import type { UserIdentity } from '@signaalhub/identity';
import type { FeedAccessPolicy } from '../access/feed-access-policy.js';
import type { Release } from '../disclosure/index.js';
import { InvalidFeedInput } from '../http/feed-errors.js';
import type { ReleasePublisher } from './release-publisher.js';
import { releaseSummary, type ReleaseStore } from './release-store.js';

export interface ReleasesParts {
  readonly store: ReleaseStore;
  readonly publisher: ReleasePublisher;
  readonly policy: FeedAccessPolicy;
  readonly access: AuditedAccess;
}

/**
 * Who may release and read releases: the liaison releases a month and reads the RIEC's ledger; a
 * municipality's meeting members read their municipality's ledger only. A release of another recipient
 * is refused (403, audited), never shown.
 */
export class Releases {
  constructor(private readonly parts: ReleasesParts) {}

  /** Audited: the run and every release it stored. */
  async publish(caller: UserIdentity, body: unknown, origin: string): Promise<ReleaseSummary[]> {
    const attempt = { caller, action: 'releases.publish', object: { type: 'releases', id: 'new' }, origin };
    await this.parts.access.check({ ...attempt, policy: this.parts.policy.liaison(caller) });
    const parsed = validateRequest(ReleaseRequestForm, body);
    // The shape (400) here; a malformed month or one not ended is the publisher's rule (422).
    if (!parsed.success) throw new InvalidFeedInput(parsed.problems);
    const published = await this.parts.publisher.publish(parsed.data.period);
    for (const { release } of published) await this.parts.access.allowed({ ...attempt, object: { type: 'release', id: release.id, recipients: [release.recipient] } });
    return published.map(({ release, builtAt }) => releaseSummary(release, builtAt));
  }

  async list(caller: UserIdentity, origin: string): Promise<ReleaseSummary[]> {
    await this.parts.access.check({ caller, action: 'releases.list', object: { type: 'releases', id: 'all' }, origin, policy: this.parts.policy.releaseReader(caller) });
    const recipient = this.parts.policy.releaseRecipientOf(caller);
    return recipient === undefined ? [] : this.parts.store.summariesOf(recipient);
  }

  /** One release of the caller's ledger; `action` names the read (the release, or one of its exports). */
  async get(caller: UserIdentity, id: string, action: string, origin: string): Promise<Release> {
    const attempt = { caller, action, object: { type: 'release', id }, origin };
    await this.parts.access.check({ ...attempt, policy: this.parts.policy.releaseReader(caller) });
    const release = await this.parts.store.find(id);
    if (release === undefined) throw new ObjectNotFound('release');
    await this.parts.access.check({ ...attempt, object: { ...attempt.object, recipients: [release.recipient] } });
    return release;
  }
}
