import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { SessionData, type Session } from './session.js';

export interface SessionStoreOptions {
  readonly prefix: string;
  readonly idleSeconds: number;
  /** A session ends this long after it began, however active it is. */
  readonly absoluteSeconds: number;
}

/**
 * Server-side sessions in Redis: short-lived by nature, expired by Redis itself (TTL = idle timeout,
 * refreshed on use). The key is a hash of the session id, so a look at Redis yields no usable cookie.
 */
export class SessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly options: SessionStoreOptions,
  ) {}

  async create(user?: SessionData['user']): Promise<Session> {
    const id = randomBytes(32).toString('base64url');
    const data: SessionData = {
      csrfToken: randomBytes(32).toString('base64url'),
      createdAt: new Date().toISOString(),
      ...(user === undefined ? {} : { user }),
    };
    await this.redis.set(this.key(id), JSON.stringify(data), 'EX', this.options.idleSeconds);
    return { id, data };
  }

  /** The session, its idle timeout renewed; undefined when unknown, expired or unreadable. */
  async find(id: string): Promise<Session | undefined> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(id)) return undefined;
    const key = this.key(id);
    const stored = await this.redis.get(key);
    if (stored === null) return undefined;
    const parsed = SessionData.safeParse(JSON.parse(stored));
    if (!parsed.success) return undefined;
    if (Date.now() - Date.parse(parsed.data.createdAt) > this.options.absoluteSeconds * 1000) {
      await this.redis.del(key);
      return undefined;
    }
    await this.redis.expire(key, this.options.idleSeconds);
    return { id, data: parsed.data };
  }

  async destroy(id: string): Promise<void> {
    await this.redis.del(this.key(id));
  }

  private key(id: string): string {
    return `${this.options.prefix}:session:${createHash('sha256').update(id).digest('hex')}`;
  }
}
