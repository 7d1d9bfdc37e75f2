import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

export interface SignInThrottleOptions {
  /** Failed attempts allowed per account name within the window. */
  readonly maxFailures: number;
  readonly windowSeconds: number;
}

export const DEFAULT_THROTTLE: SignInThrottleOptions = { maxFailures: 5, windowSeconds: 15 * 60 };

/**
 * Counts failed sign-ins per submitted account name in Redis, whether or not the account exists (so the
 * throttle does not reveal which names exist). Names are hashed: a key never contains what was typed.
 */
export class SignInThrottle {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly options: SignInThrottleOptions = DEFAULT_THROTTLE,
  ) {}

  async isBlocked(accountName: string): Promise<boolean> {
    const failures = Number((await this.redis.get(this.key(accountName))) ?? 0);
    return failures >= this.options.maxFailures;
  }

  async recordFailure(accountName: string): Promise<void> {
    const key = this.key(accountName);
    // The window starts at the first failure; later failures do not extend it.
    await this.redis.multi().incr(key).expire(key, this.options.windowSeconds, 'NX').exec();
  }

  async reset(accountName: string): Promise<void> {
    await this.redis.del(this.key(accountName));
  }

  get windowMinutes(): number {
    return Math.ceil(this.options.windowSeconds / 60);
  }

  private key(accountName: string): string {
    const digest = createHash('sha256').update(accountName.trim().toLowerCase()).digest('hex');
    return `${this.prefix}:sign-in-failures:${digest}`;
  }
}
