import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const servicesDir = fileURLToPath(new URL('../../services', import.meta.url));

/** Every TypeScript source file of every service, as `service/src/…` → text. */
function serviceSources(): Map<string, string> {
  const sources = new Map<string, string>();
  for (const service of readdirSync(servicesDir)) {
    const src = join(servicesDir, service, 'src');
    let files: string[];
    try {
      files = readdirSync(src, { recursive: true, encoding: 'utf8' });
    } catch {
      continue;
    }
    for (const file of files.filter((name) => name.endsWith('.ts'))) sources.set(`${service}/src/${file}`, readFileSync(join(src, file), 'utf8'));
  }
  return sources;
}

/** What a service would write if it verified, replayed or dead-lettered events itself instead of using the shared inbox. */
const OWN_INBOX_PARTS: readonly { readonly what: string; readonly pattern: RegExp }[] = [
  { what: 'builds dead letters (DeadLetterHeaders, deadLetterTopic)', pattern: /\b(DeadLetterHeaders|deadLetterTopic)\b/ },
  { what: 'applies its own replay rule (ReplayedError, forgetOpened)', pattern: /\b(ReplayedError|forgetOpened)\b/ },
  { what: 'keeps its own replay store', pattern: /implements\s+ReplayStore\b/ },
  { what: 'defines its own inbox', pattern: /class\s+\w*Inbox\b/ },
];

describe('one verified inbox and one dead-letter message (issue 8, acceptance 2)', () => {
  const sources = serviceSources();

  it('finds the services it checks', () => {
    expect([...sources.keys()].some((file) => file.startsWith('meeting/src/'))).toBe(true);
    expect([...sources.keys()].some((file) => file.startsWith('signal-intake/src/'))).toBe(true);
  });

  it('rejects a service source that verifies, replays or dead-letters events itself', () => {
    const offences = [...sources].flatMap(([file, text]) => OWN_INBOX_PARTS.filter(({ pattern }) => pattern.test(text)).map(({ what }) => `${file} ${what}`));

    expect(offences).toEqual([]);
  });

  it('takes in events through VerifiedInbox from @signaalhub/inbox in the meeting and the intake', () => {
    const users = [...sources].filter(([, text]) => /import\s*\{[^}]*\bVerifiedInbox\b[^}]*\}\s*from\s*'@signaalhub\/inbox'/.test(text)).map(([file]) => file.split('/')[0]);

    expect(new Set(users)).toEqual(new Set(['meeting', 'signal-intake']));
  });

  it('recognises each kind of own inbox part in a sample', () => {
    const sample = 'class DecisionInbox implements ReplayStore { x = DeadLetterHeaders.reason; y = ReplayedError; }';

    expect(OWN_INBOX_PARTS.filter(({ pattern }) => pattern.test(sample))).toHaveLength(OWN_INBOX_PARTS.length);
  });
});
