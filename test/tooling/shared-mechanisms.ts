import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** A sign in a service's source that it implements a shared mechanism itself. */
export interface OwnImplementationSign {
  readonly what: string;
  readonly pattern: RegExp;
}

/** A mechanism with one implementation in a shared package; a service that shows one of its signs has written its own. */
export interface SharedMechanism {
  readonly name: string;
  readonly sharedIn: string;
  readonly signs: readonly OwnImplementationSign[];
}

/** The mechanisms services must import instead of writing (issue 8, acceptance 2). Add one as it lands. */
export const SHARED_MECHANISMS: readonly SharedMechanism[] = [
  {
    name: 'audited access check',
    sharedIn: '@signaalhub/access',
    signs: [
      // A policy table (`MeetingAccessPolicy`) is the service's own; a class named as the check is not.
      { what: 'a class named as an access check', pattern: /\bclass\s+\w*(?:Access|AccessControl|AccessCheck|NeedToKnow)\b/ },
      // Services audit their own receipts with a service actor; a user actor is written by the shared check only.
      { what: 'an audit entry with a user as actor', pattern: /\bactor:\s*\{[^}]*\buserId\b/ },
      { what: 'a 403 answered without the shared mapping', pattern: /\bnew\s+ForbiddenException\b|\bthrow\s+forbidden\(/ },
    ],
  },
  {
    name: 'verified inbox',
    sharedIn: '@signaalhub/inbox',
    signs: [
      { what: 'its own replay rule', pattern: /\b(?:ReplayedError|forgetOpened)\b/ },
      { what: 'its own replay store', pattern: /\bimplements\s+ReplayStore\b/ },
      { what: 'its own inbox class', pattern: /\bclass\s+\w*Inbox\b/ },
    ],
  },
  {
    name: 'dead-letter message',
    sharedIn: '@signaalhub/bus',
    signs: [{ what: 'dead letters built by hand', pattern: /\b(?:DeadLetterHeaders|deadLetterTopic)\b/ }],
  },
  {
    name: 'outbox relay',
    sharedIn: '@signaalhub/outbox',
    signs: [
      // A service's shipped migrations are history and may spell out its outbox table (see serviceSources).
      { what: 'its own outbox table', pattern: /CREATE TABLE[^;(]*\.outbox\b/i },
      { what: 'its own claim of outbox rows', pattern: /FOR UPDATE SKIP LOCKED/i },
      { what: 'its own wake-up', pattern: /\bpg_notify\b|\bLISTEN\s/ },
      { what: 'its own relay parts', pattern: /\bclass\s+\w*Outbox\w*(?:Relay|Writer|Source|Publisher|Notifications)\b/ },
    ],
  },
  {
    name: 'service start-up',
    sharedIn: '@signaalhub/service-kit',
    signs: [
      { what: 'its own Nest application', pattern: /\bNestFactory\.create\b/ },
      { what: 'its own Kafka transport', pattern: /\bnew\s+KafkaBusTransport\b/ },
      { what: 'its own shutdown hooks', pattern: /\benableShutdownHooks\b/ },
      { what: 'its own OpenAPI set-up', pattern: /\bSwaggerModule\.setup\b/ },
      { what: 'its own X-Powered-By removal', pattern: /x-powered-by/i },
    ],
  },
  {
    name: 'identity token check',
    sharedIn: '@signaalhub/identity',
    signs: [
      { what: 'its own token verification', pattern: /\bjwtVerify\b|\bjwtDecrypt\b|\bdecodeJwt\b/ },
      { what: 'its own identity guard', pattern: /\bnew\s+IdentityGuard\b|\bnew\s+IdentityTokenVerifier\b/ },
    ],
  },
];

/** The shared packages a service that uses the mechanism must import, and the services that must. */
export const REQUIRED_IMPORTS: readonly { readonly sharedIn: string; readonly name: string; readonly services: readonly string[] }[] = [
  { sharedIn: '@signaalhub/access', name: 'AuditedAccess', services: ['meeting', 'signal-intake', 'bibob', 'permit-registry', 'riec-feed'] },
  { sharedIn: '@signaalhub/inbox', name: 'VerifiedInbox', services: ['meeting', 'signal-intake', 'bibob', 'permit-registry', 'riec-feed'] },
  { sharedIn: '@signaalhub/outbox', name: 'TransactionalOutbox', services: ['meeting', 'signal-intake', 'bibob', 'permit-registry'] },
  { sharedIn: '@signaalhub/service-kit', name: 'runService', services: ['meeting', 'signal-intake', 'bibob', 'permit-registry', 'riec-feed'] },
];

/** Which services import `name` from `sharedIn`. */
export function importersOf(files: readonly SourceFile[], sharedIn: string, name: string): string[] {
  const pattern = new RegExp(`import\\s*\\{[^}]*\\b${name}\\b[^}]*\\}\\s*from\\s*'${sharedIn.replace('/', '\\/')}'`);
  return [...new Set(files.filter((file) => pattern.test(file.text)).map((file) => file.path.split(/[\\/]/)[1] ?? ''))].sort();
}

export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

export interface OwnImplementation {
  readonly mechanism: string;
  readonly sharedIn: string;
  readonly sign: string;
  /** `path:line`. */
  readonly at: string;
}

export function findOwnImplementations(files: readonly SourceFile[], mechanisms: readonly SharedMechanism[] = SHARED_MECHANISMS): OwnImplementation[] {
  const found: OwnImplementation[] = [];
  for (const file of files) {
    for (const mechanism of mechanisms) {
      for (const sign of mechanism.signs) {
        const match = sign.pattern.exec(file.text);
        if (match === null) continue;
        const line = file.text.slice(0, match.index).split('\n').length;
        found.push({ mechanism: mechanism.name, sharedIn: mechanism.sharedIn, sign: sign.what, at: `${file.path}:${line}` });
      }
    }
  }
  return found;
}

/** The TypeScript sources of every service (`services/<name>/src`, without shipped migrations), paths relative to `root`. */
export async function serviceSources(root: string): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  for (const service of await readdir(join(root, 'services'), { withFileTypes: true })) {
    if (!service.isDirectory()) continue;
    const src = join(root, 'services', service.name, 'src');
    const entries = await readdir(src, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (!entry.isFile() || !/\.tsx?$/.test(entry.name)) continue;
      // Shipped migrations are history: they spell out tables (the outbox) exactly as they were created.
      if (entry.name === 'migrations.ts' && entry.parentPath.endsWith(join('src', 'database'))) continue;
      const path = join(entry.parentPath, entry.name);
      files.push({ path: relative(root, path), text: await readFile(path, 'utf8') });
    }
  }
  return files;
}
