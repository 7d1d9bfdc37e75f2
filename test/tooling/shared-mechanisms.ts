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

/**
 * The mechanisms services must import instead of writing. Add a mechanism here when its shared
 * implementation lands (outbox relay, verified inbox, dead-letter message, service start-up).
 */
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
];

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

/** The TypeScript sources of every service (`services/<name>/src`), paths relative to `root`. */
export async function serviceSources(root: string): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  for (const service of await readdir(join(root, 'services'), { withFileTypes: true })) {
    if (!service.isDirectory()) continue;
    const src = join(root, 'services', service.name, 'src');
    const entries = await readdir(src, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (!entry.isFile() || !/\.tsx?$/.test(entry.name)) continue;
      const path = join(entry.parentPath, entry.name);
      files.push({ path: relative(root, path), text: await readFile(path, 'utf8') });
    }
  }
  return files;
}
