import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHub } from './run-hub.js';

const env = { HUB_KEY_PASSPHRASE: 'test-passphrase' };
const payload = { signalId: 'a3c1', note: 'via de CLI' };
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hub-cli-'));
  const init = await runHub(['keys', 'init', '--dir', dir, '--parties', 'gemeente-soest,riec-mn,politie-bes'], { env });
  expect(init.code, init.stderr).toBe(0);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// Spawned processes: a bound for a loaded 2-core machine, not a timing assertion.
describe('hub process', { timeout: 60_000 }, () => {
  it('seals and opens an envelope through the real process', async () => {
    const sealed = await runHub(['seal', '--keys', dir, '--from', 'gemeente-soest', '--to', 'riec-mn', '--theme', 'horeca'], {
      env,
      stdin: JSON.stringify(payload),
    });
    expect(sealed.code, sealed.stderr).toBe(0);
    const envelope = JSON.parse(sealed.stdout) as { header: { theme: string; municipality: string } };
    expect(envelope.header).toMatchObject({ theme: 'horeca', municipality: 'soest' });

    const opened = await runHub(['open', '--keys', dir, '--as', 'riec-mn'], { env, stdin: sealed.stdout });
    expect(opened.code, opened.stderr).toBe(0);
    expect(JSON.parse(opened.stdout)).toEqual(payload);

    const refused = await runHub(['open', '--keys', dir, '--as', 'politie-bes'], { env, stdin: sealed.stdout });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('NOT_A_RECIPIENT');
    expect(refused.stdout).toBe('');
  });

  it('seals and opens a bare OpenPGP message with --format pgp', async () => {
    const sealed = await runHub(['seal', '--keys', dir, '--from', 'riec-mn', '--to', 'politie-bes', '--municipality', 'baarn', '--format', 'pgp'], {
      env,
      stdin: JSON.stringify(payload),
    });
    expect(sealed.code, sealed.stderr).toBe(0);
    expect(sealed.stdout).toMatch(/^-----BEGIN PGP MESSAGE-----/);
    const opened = await runHub(['open', '--keys', dir, '--as', 'politie-bes', '--format', 'pgp', '--from', 'riec-mn'], { env, stdin: sealed.stdout });
    expect(opened.code, opened.stderr).toBe(0);
    expect(JSON.parse(opened.stdout)).toEqual(payload);
    const wrongSender = await runHub(['open', '--keys', dir, '--as', 'politie-bes', '--format', 'pgp', '--from', 'gemeente-soest'], { env, stdin: sealed.stdout });
    expect(wrongSender.code).toBe(1);
    expect(wrongSender.stderr).toContain('BAD_SIGNATURE');
  });

  it('seals another event type with its routing facts from --facts, and refuses facts that do not fit the type', async () => {
    const facts = JSON.stringify({ approach: 'zorg', riecHandover: true });
    const sealed = await runHub(['seal', '--keys', dir, '--from', 'gemeente-soest', '--to', 'riec-mn', '--type', 'decision.recorded', '--facts', facts], {
      env,
      stdin: JSON.stringify(payload),
    });
    expect(sealed.code, sealed.stderr).toBe(0);
    const envelope = JSON.parse(sealed.stdout) as { header: Record<string, unknown> };
    expect(envelope.header).toMatchObject({ headerVersion: 2, type: 'decision.recorded', municipality: 'soest', approach: 'zorg', riecHandover: true });
    expect(envelope.header).not.toHaveProperty('theme');
    const opened = await runHub(['open', '--keys', dir, '--as', 'riec-mn'], { env, stdin: sealed.stdout });
    expect(opened.code, opened.stderr).toBe(0);

    const unfit = await runHub(['seal', '--keys', dir, '--from', 'gemeente-soest', '--to', 'riec-mn', '--type', 'decision.recorded', '--facts', '{"approach":"zorg"}'], {
      env,
      stdin: JSON.stringify(payload),
    });
    expect(unfit.code).toBe(1);
    expect(unfit.stderr).toContain('riecHandover');
  });

  it('exits with 2 and a Dutch message on an unknown flag', async () => {
    const result = await runHub(['open', '--keys', dir, '--as', 'riec-mn', '--verbose']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('onbekende optie --verbose');
  });
});
