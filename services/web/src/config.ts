import { isIP } from 'node:net';
import { databaseUrl, logLevel, port, redisUrl, wholeNumber } from '@signaalhub/config';
import { DEFAULT_HUB_PARTIES, PartyId } from '@signaalhub/contracts';
import { SCHEMA_NAME, SCHEMA_NAME_RULE } from '@signaalhub/database';
import { z } from 'zod';

const httpUrl = z
  .string({ error: 'is required' })
  .refine((value) => URL.canParse(value), { error: 'must be a URL', abort: true })
  .refine((value) => ['http:', 'https:'].includes(new URL(value).protocol), 'must be a URL starting with http:// or https://')
  // One form for joining paths: no trailing slash.
  .transform((value) => value.replace(/\/+$/, ''));

/** An IP address or a CIDR range (`10.0.0.0/8`), as Express's `trust proxy` takes them. */
function isAddressOrRange(value: string): boolean {
  const [address = '', bits, ...rest] = value.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128));
}

const booleanFlag = z.enum(['true', 'false'], { error: 'must be true or false' }).transform((value) => value === 'true');

/** Every variable the web application reads, validated once at start-up (DESIGN.md §8.6). */
export const WebConfigSchema = z.object({
  WEB_PORT: port.default(3000),
  /** Loopback by default: the web application is put behind a TLS-terminating proxy in production. */
  WEB_HOST: z.string().min(1, 'must not be empty').default('127.0.0.1'),
  REDIS_URL: redisUrl,
  DATABASE_URL: databaseUrl,
  LOG_LEVEL: logLevel.default('info'),
  IDENTITY_TOKEN_SECRET: z.string({ error: 'is required' }).min(32, 'must be at least 32 characters'),
  SIGNAL_INTAKE_URL: httpUrl.default('http://127.0.0.1:3001'),
  MEETING_URL: httpUrl.default('http://127.0.0.1:3002'),
  BIBOB_URL: httpUrl.default('http://127.0.0.1:3003'),
  PERMIT_REGISTRY_URL: httpUrl.default('http://127.0.0.1:3004'),
  RIEC_FEED_URL: httpUrl.default('http://127.0.0.1:3005'),
  /** Deadline for one call to a service; a slow service gives a Dutch error page, not a hanging browser. */
  SERVICE_TIMEOUT_MS: z.coerce.number({ error: 'must be a whole number from 100 to 60000' }).int().min(100).max(60_000).default(10_000),
  /** PostgreSQL schema of the accounts table. Only tests change it, so parallel runs never share accounts. */
  WEB_DB_SCHEMA: z
    .string()
    .regex(SCHEMA_NAME, SCHEMA_NAME_RULE)
    .default('web'),
  /** Redis key prefix of sessions and sign-in throttles; tests use their own. */
  WEB_REDIS_PREFIX: z.string().regex(/^[a-z][a-z0-9:_-]{0,40}$/, 'must be a lowercase key prefix').default('web'),
  /**
   * The proxies (IP addresses or CIDR ranges, comma-separated) whose X-Forwarded-For is believed for the
   * client's address; none by default, so a client cannot choose the address its sign-in limits count on.
   */
  WEB_TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((entry) => entry.trim()).filter((entry) => entry !== ''))
    .refine((entries) => entries.every(isAddressOrRange), 'must be a comma-separated list of IP addresses or CIDR ranges'),
  /** Failed sign-ins per client address (any names) per 15 minutes; then that address waits (README, "Signing in"). */
  SIGN_IN_FAILURES_PER_ADDRESS: wholeNumber(1, 1000).default(20),
  /** Failed sign-ins for one name from one address per 15 minutes; then that address waits for that name. */
  SIGN_IN_FAILURES_PER_ACCOUNT_AND_ADDRESS: wholeNumber(1, 100).default(5),
  /** Failed sign-ins for one name from all addresses per day before each further one adds a doubling delay. */
  SIGN_IN_FREE_FAILURES_PER_ACCOUNT: wholeNumber(1, 1000).default(10),
  /** The cap of that delay: how long the owner at a new address waits at most during an attack. */
  SIGN_IN_MAX_ACCOUNT_DELAY_SECONDS: wholeNumber(1, 3600).default(300),
  /** Idle time after which a session ends. */
  SESSION_IDLE_MINUTES: z.coerce.number({ error: 'must be a whole number from 1 to 1440' }).int().min(1).max(1440).default(30),
  SEED_DEMO_USERS: booleanFlag.default(false),
  /** The one password of every seeded demo account; no default, so no deployment gets a known password. */
  DEMO_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  /** The account source in production: a JSON file of accounts with scrypt password hashes (README). */
  ACCOUNTS_FILE: z.string().min(1, 'must be a file path').optional(),
  /** The partnership's parties (lead-party choice in the decision form); from configuration, not code. */
  PARTIES: z
    .string()
    .trim()
    .min(1, 'must be a comma-separated list of party ids')
    .transform((value) => value.split(',').map((party) => party.trim()))
    .pipe(z.array(PartyId, { error: 'must be a comma-separated list of party ids' }).min(1))
    .optional()
    .transform((parties) => parties ?? [...DEFAULT_HUB_PARTIES]),
}).superRefine((config, context) => {
  // Nobody can sign in without an account source, and demo accounts never get a default password.
  if (config.SEED_DEMO_USERS && config.DEMO_PASSWORD === undefined) {
    context.addIssue({ code: 'custom', path: ['DEMO_PASSWORD'], message: 'is required when SEED_DEMO_USERS=true' });
  }
  if (!config.SEED_DEMO_USERS && config.ACCOUNTS_FILE === undefined) {
    context.addIssue({ code: 'custom', path: ['ACCOUNTS_FILE'], message: 'is required unless SEED_DEMO_USERS=true (no account source)' });
  }
});
export type WebConfig = z.infer<typeof WebConfigSchema>;
