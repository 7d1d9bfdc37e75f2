import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EnvelopeHeaderV2, PartyDirectory } from '@signaalhub/contracts';
import { canonicalHeader, headerDigest, HeaderVerifier, InMemoryReplayStore, loadKeyringFromDirectory, SignedPlaintext } from '@signaalhub/envelope';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/index.js';
import { memoryIo } from './memory-io.js';
import { runHub } from './run-hub.js';
import { ensureTool } from './system-tools.js';

/*
 * GnuPG 2.2 interoperability, both directions: what `hub seal` makes, gpg reads and verifies; what a
 * partner makes with gpg + jq + a shell by following docs/envelope.md (the scripts are taken from that
 * page, so the page cannot go stale), `hub open` reads.
 */

const PASSPHRASE = 'interop-passphrase';
const docsPage = fileURLToPath(new URL('../../../docs/envelope.md', import.meta.url));
const payload = { kvkNumber: '01234567', note: 'gemaakt met GnuPG' };

let keys: string;
let gnupgHome: string;
let work: string;
let directory: PartyDirectory;

function sh(command: string, args: readonly string[], options: { cwd?: string; input?: string; env?: Record<string, string> } = {}): SpawnSyncReturns<string> {
  return spawnSync(command, args, {
    encoding: 'utf8',
    cwd: options.cwd ?? work,
    input: options.input ?? '',
    env: { ...process.env, GNUPGHOME: gnupgHome, KEYS: keys, HUB_KEY_PASSPHRASE: PASSPHRASE, ...options.env },
  });
}

async function docScript(name: string): Promise<string> {
  const page = await readFile(docsPage, 'utf8');
  const script = new RegExp(`<!-- script: ${name.replace('.', '\\.')} -->\\n\`\`\`bash\\n([\\s\\S]*?)\`\`\``).exec(page)?.[1];
  if (script === undefined) throw new Error(`docs/envelope.md has no script ${name}`);
  return script;
}

function fingerprintOf(party: string): string {
  const entry = directory.parties.find((candidate) => candidate.id === party);
  if (entry === undefined) throw new Error(`no ${party} in the directory`);
  return entry.fingerprint;
}

beforeAll(async () => {
  expect(ensureTool('gpg', 'gnupg')).toMatch(/^gpg \(GnuPG\) 2\.2\./);
  ensureTool('jq', 'jq');
  keys = await mkdtemp(join(tmpdir(), 'hub-interop-keys-'));
  gnupgHome = await mkdtemp(join(tmpdir(), 'hub-gpg-'));
  work = await mkdtemp(join(tmpdir(), 'hub-interop-work-'));
  const init = memoryIo('', { HUB_KEY_PASSPHRASE: PASSPHRASE });
  expect(await runCli(['keys', 'init', '--dir', keys, '--parties', 'gemeente-soest,riec-mn,politie-bes'], init)).toBe(0);
  directory = PartyDirectory.parse(JSON.parse(await readFile(join(keys, 'directory.json'), 'utf8')));
  for (const party of ['gemeente-soest', 'riec-mn', 'politie-bes']) {
    expect(sh('gpg', ['--batch', '--import', join(keys, `${party}.pub.asc`)]).status).toBe(0);
  }
  for (const party of ['gemeente-soest', 'riec-mn']) {
    const imported = sh('gpg', ['--batch', '--pinentry-mode', 'loopback', '--passphrase', PASSPHRASE, '--import', join(keys, `${party}.key.asc`)]);
    expect(imported.status, imported.stderr).toBe(0);
  }
  await writeFile(join(work, 'payload.json'), JSON.stringify(payload));
});

afterAll(async () => {
  sh('gpgconf', ['--kill', 'gpg-agent']);
  await Promise.all([keys, gnupgHome, work].map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('GnuPG 2.2 interoperability', () => {
  it('lets gpg decrypt and verify what hub seal --format pgp wrote', async () => {
    const sealed = await runHub(['seal', '--keys', keys, '--from', 'gemeente-soest', '--to', 'riec-mn', '--format', 'pgp'], {
      env: { HUB_KEY_PASSPHRASE: PASSPHRASE },
      stdin: JSON.stringify(payload),
    });
    expect(sealed.code, sealed.stderr).toBe(0);
    const decrypted = sh('gpg', ['--batch', '--pinentry-mode', 'loopback', '--passphrase', PASSPHRASE, '--status-fd', '2', '--decrypt'], { input: sealed.stdout });
    expect(decrypted.status, decrypted.stderr).toBe(0);
    const status = decrypted.stderr.split('\n').filter((line) => line.startsWith('[GNUPG:] '));
    const senderFingerprint = fingerprintOf('gemeente-soest');
    expect(status.some((line) => line.startsWith(`[GNUPG:] GOODSIG ${senderFingerprint.slice(-16)} `))).toBe(true);
    const validSig = status.find((line) => line.startsWith('[GNUPG:] VALIDSIG '))?.split(' ');
    expect(validSig?.[2]).toBe(senderFingerprint);
    expect(validSig?.at(-1)).toBe(senderFingerprint);
    expect(status).toContain('[GNUPG:] DECRYPTION_OKAY');
    const plaintext = SignedPlaintext.parse(JSON.parse(decrypted.stdout));
    expect(plaintext).toMatchObject({ sender: 'gemeente-soest', recipients: ['riec-mn'], payload });
  });

  it('lets the documented shell reader open an envelope written by hub seal', async () => {
    const sealed = await runHub(['seal', '--keys', keys, '--from', 'gemeente-soest', '--to', 'riec-mn,politie-bes'], {
      env: { HUB_KEY_PASSPHRASE: PASSPHRASE },
      stdin: JSON.stringify(payload),
    });
    expect(sealed.code, sealed.stderr).toBe(0);
    await writeFile(join(work, 'envelope.json'), sealed.stdout);
    const read = sh('bash', ['-c', await docScript('read-envelope.sh')], { env: { AS: 'riec-mn' } });
    expect(read.status, read.stderr).toBe(0);
    expect(JSON.parse(read.stdout)).toEqual(payload);
  });

  it('opens, with hub open, an envelope made by gpg and a shell exactly as docs/envelope.md says', async () => {
    const produced = sh('bash', ['-c', await docScript('produce-envelope.sh')], { env: { FROM: 'gemeente-soest', TO: 'riec-mn,politie-bes' } });
    expect(produced.status, produced.stderr).toBe(0);

    // A v2 header; the documented jq canonical form and digest equal the TypeScript ones, for this header.
    const header = EnvelopeHeaderV2.parse(JSON.parse(await readFile(join(work, 'header.json'), 'utf8')));
    expect(header).toMatchObject({ headerVersion: 2, type: 'signal.submitted', sender: 'gemeente-soest' });
    expect(sh('bash', ['-c', "jq -jcS 'del(.headerSignature)' header.json"]).stdout).toBe(canonicalHeader(header));
    expect(await readFile(join(work, 'header.canonical'), 'utf8')).toBe(canonicalHeader(header));
    const jqDigest = sh('bash', ['-c', "jq -jcS 'del(.headerSignature)' header.json | sha256sum | cut -d' ' -f1"]).stdout.trim();
    expect(jqDigest).toBe(headerDigest(header));
    const plaintext = SignedPlaintext.parse(JSON.parse(await readFile(join(work, 'plaintext.json'), 'utf8')));
    expect(plaintext.headerDigest).toBe(headerDigest(header));

    const envelope = await readFile(join(work, 'envelope.json'), 'utf8');
    const opened = await runHub(['open', '--keys', keys, '--as', 'riec-mn'], { env: { HUB_KEY_PASSPHRASE: PASSPHRASE }, stdin: envelope });
    expect(opened.code, opened.stderr).toBe(0);
    expect(JSON.parse(opened.stdout)).toEqual(payload);

    const body = await readFile(join(work, 'body.asc'), 'utf8');
    const openedBody = await runHub(['open', '--keys', keys, '--as', 'politie-bes', '--format', 'pgp', '--from', 'gemeente-soest'], {
      env: { HUB_KEY_PASSPHRASE: PASSPHRASE },
      stdin: body,
    });
    expect(openedBody.code, openedBody.stderr).toBe(0);
    expect(JSON.parse(openedBody.stdout)).toEqual(payload);
  });

  it('lets a header-only reader verify the gpg-made header signature, and refuses it over other facts', async () => {
    const produced = sh('bash', ['-c', await docScript('produce-envelope.sh')], { env: { FROM: 'gemeente-soest', TO: 'riec-mn' } });
    expect(produced.status, produced.stderr).toBe(0);
    const header = JSON.parse(await readFile(join(work, 'header.json'), 'utf8')) as Record<string, unknown>;
    const keyring = await loadKeyringFromDirectory(keys);
    const sut = new HeaderVerifier(keyring, { replayStore: new InMemoryReplayStore() });
    await expect(sut.verify(header, { as: 'politie-bes' })).resolves.toMatchObject({ messageId: header.messageId });
    await expect(sut.verify({ ...header, municipality: 'baarn' }, { as: 'politie-bes' })).rejects.toMatchObject({ code: 'HEADER_SIGNATURE_INVALID' });
  });

  it('refuses, with hub open, a gpg-made envelope whose header signature was removed', async () => {
    const produced = sh('bash', ['-c', await docScript('produce-envelope.sh')], { env: { FROM: 'gemeente-soest', TO: 'riec-mn' } });
    expect(produced.status, produced.stderr).toBe(0);
    const envelope = JSON.parse(await readFile(join(work, 'envelope.json'), 'utf8')) as { header: Record<string, unknown> };
    delete envelope.header.headerSignature;
    const opened = await runHub(['open', '--keys', keys, '--as', 'riec-mn'], { env: { HUB_KEY_PASSPHRASE: PASSPHRASE }, stdin: JSON.stringify(envelope) });
    expect(opened.code).toBe(1);
    expect(opened.stderr).toContain('HEADER_SIGNATURE_MISSING');
  });

  it('refuses, with hub open, a gpg-made envelope whose header was changed afterwards', async () => {
    const produced = sh('bash', ['-c', await docScript('produce-envelope.sh')], { env: { FROM: 'gemeente-soest', TO: 'riec-mn' } });
    expect(produced.status, produced.stderr).toBe(0);
    const envelope = JSON.parse(await readFile(join(work, 'envelope.json'), 'utf8')) as { header: { theme: string } };
    envelope.header.theme = 'horeca';
    const opened = await runHub(['open', '--keys', keys, '--as', 'riec-mn'], { env: { HUB_KEY_PASSPHRASE: PASSPHRASE }, stdin: JSON.stringify(envelope) });
    expect(opened.code).toBe(1);
    expect(opened.stderr).toContain('HEADER_TAMPERED');
  });
});
