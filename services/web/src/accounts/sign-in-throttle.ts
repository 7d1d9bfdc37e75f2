import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, type RateLimiterRes } from 'rate-limiter-flexible';

export interface SignInLimits {
  /** Failed sign-ins one client address may make (any names) per window before it must wait: slows spraying. */
  readonly failuresPerAddress: number;
  /** Failed sign-ins for one name from one address per window before that address must wait for that name. */
  readonly failuresPerAccountAndAddress: number;
  /** Failed sign-ins for one name (any address) per day before every further failure adds a growing delay. */
  readonly freeFailuresPerAccount: number;
  /** The longest the growing delay of one name gets: the owner is slowed down, never locked out for good. */
  readonly maxAccountDelaySeconds: number;
  readonly windowSeconds: number;
}

/** The window of the per-address counters: a blocked address waits at most this long. */
export const SIGN_IN_WINDOW_SECONDS = 15 * 60;

const ACCOUNT_FAILURE_MEMORY_SECONDS = 24 * 60 * 60;
/** How long a client that signed in to an account is exempt from that account's delay. */
const KNOWN_CLIENT_SECONDS = 30 * 24 * 60 * 60;

export type SignInPermission = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/**
 * Sign-in limits in Redis (rate-limiter-flexible), the same for names that exist and names that do not,
 * so they never tell which accounts exist:
 * - per client address, failures for any name: password spraying from one address stops at the limit;
 * - per name and address: guessing one account's password from one address stops at the limit, while
 *   the owner at another address is not affected;
 * - per name, from all addresses: past a number of free failures every failure blocks the name for a
 *   doubling time, capped, so a distributed attack is slowed and the owner waits at most the cap. A
 *   client that signed in to the account before (its owner's usual address) skips this delay.
 * Keys hold SHA-256 digests only, never a typed name or an address.
 */
export class SignInThrottle {
  private readonly byAddress: RateLimiterRedis;
  private readonly byAccountAndAddress: RateLimiterRedis;
  private readonly accountFailures: RateLimiterRedis;
  private readonly accountDelay: RateLimiterRedis;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly limits: SignInLimits,
  ) {
    const limiter = (name: string, points: number, duration: number): RateLimiterRedis =>
      new RateLimiterRedis({ storeClient: redis, keyPrefix: `${prefix}:sign-in-${name}`, points, duration });
    this.byAddress = limiter('address', limits.failuresPerAddress, limits.windowSeconds);
    this.byAccountAndAddress = limiter('account-address', limits.failuresPerAccountAndAddress, limits.windowSeconds);
    this.accountFailures = limiter('account', limits.freeFailuresPerAccount, ACCOUNT_FAILURE_MEMORY_SECONDS);
    // Only blocked (never consumed): a block is the name's current delay.
    this.accountDelay = limiter('account-delay', 1, 1);
  }

  /** Whether this address may try this name now; a refusal says how long to wait. */
  async permission(accountName: string, clientAddress: string): Promise<SignInPermission> {
    const keys = this.keys(accountName, clientAddress);
    const [address, pair, delay, known] = await Promise.all([
      this.byAddress.get(keys.address),
      this.byAccountAndAddress.get(keys.pair),
      this.accountDelay.get(keys.account),
      this.redis.exists(keys.knownClient),
    ]);
    const waits = [
      exhausted(address, this.limits.failuresPerAddress),
      exhausted(pair, this.limits.failuresPerAccountAndAddress),
      known === 1 ? 0 : exhausted(delay, 1),
    ];
    const waitMs = Math.max(...waits);
    return waitMs === 0 ? { allowed: true } : { allowed: false, retryAfterSeconds: Math.ceil(waitMs / 1000) };
  }

  async recordFailure(accountName: string, clientAddress: string): Promise<void> {
    const keys = this.keys(accountName, clientAddress);
    const [, , failures] = await Promise.all([
      this.byAddress.penalty(keys.address),
      this.byAccountAndAddress.penalty(keys.pair),
      this.accountFailures.penalty(keys.account),
    ]);
    const beyondFree = failures.consumedPoints - this.limits.freeFailuresPerAccount;
    if (beyondFree > 0) {
      const delaySeconds = Math.min(2 ** Math.min(beyondFree - 1, 20), this.limits.maxAccountDelaySeconds);
      await this.accountDelay.block(keys.account, delaySeconds);
    }
  }

  /**
   * A correct password: this address's failures for the name are forgiven and the address is known to the
   * account. The name's own failures stay: an attack going on is not reset by its owner signing in.
   */
  async recordSuccess(accountName: string, clientAddress: string): Promise<void> {
    const keys = this.keys(accountName, clientAddress);
    await Promise.all([this.byAccountAndAddress.delete(keys.pair), this.redis.set(keys.knownClient, '1', 'EX', KNOWN_CLIENT_SECONDS)]);
  }

  private keys(accountName: string, clientAddress: string): { address: string; pair: string; account: string; knownClient: string } {
    const name = digest(accountName.trim().toLowerCase());
    const address = digest(clientAddress);
    return { address, pair: `${name}:${address}`, account: name, knownClient: `${this.prefix}:sign-in-known:${name}:${address}` };
  }
}

/** Milliseconds until a counter with `points` allowed failures lets the next attempt through (0: now). */
function exhausted(counter: RateLimiterRes | null, points: number): number {
  if (counter === null || counter.consumedPoints < points) return 0;
  return Math.max(counter.msBeforeNext, 1);
}

function digest(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
