import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_HUB_PARTIES, PartyDirectory } from '@signaalhub/contracts';
import { loadKeyringFromDirectory, parsePartnershipKey } from '@signaalhub/envelope';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/index.js';
import { memoryIo } from './memory-io.js';

const env = { HUB_KEY_PASSPHRASE: 'test-passphrase' };
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hub-keys-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('hub keys init', () => {
  it('writes armored keys, a valid party directory and a partnership key that load as a keyring', async () => {
    const io = memoryIo('', env);
    expect(await runCli(['keys', 'init', '--dir', dir, '--parties', 'gemeente-soest,riec-mn'], io)).toBe(0);
    expect((await readdir(dir)).sort()).toEqual([
      'directory.json',
      'gemeente-soest.key.asc',
      'gemeente-soest.pub.asc',
      'partnership.key',
      'riec-mn.key.asc',
      'riec-mn.pub.asc',
    ]);
    const directory = PartyDirectory.parse(JSON.parse(await readFile(join(dir, 'directory.json'), 'utf8')));
    expect(directory.parties.map((party) => party.id)).toEqual(['gemeente-soest', 'riec-mn']);
    expect(await readFile(join(dir, 'riec-mn.pub.asc'), 'utf8')).toContain('BEGIN PGP PUBLIC KEY BLOCK');
    expect(((await stat(join(dir, 'riec-mn.key.asc'))).mode & 0o777).toString(8)).toBe('600');
    expect(parsePartnershipKey(await readFile(join(dir, 'partnership.key'), 'utf8')).version).toBe(1);
    const keyring = await loadKeyringFromDirectory(dir, env.HUB_KEY_PASSPHRASE);
    expect((await keyring.privateKey('riec-mn')).isDecrypted()).toBe(true);
  });

  it('defaults to the nine BES parties and the Bibob pool', async () => {
    const io = memoryIo('', env);
    expect(await runCli(['keys', 'init', '--dir', dir], io)).toBe(0);
    const directory = PartyDirectory.parse(JSON.parse(await readFile(join(dir, 'directory.json'), 'utf8')));
    expect(directory.parties.map((party) => party.id)).toEqual([...DEFAULT_HUB_PARTIES]);
  });

  it('refuses to overwrite an existing file and writes nothing', async () => {
    await writeFile(join(dir, 'riec-mn.key.asc'), 'precious');
    const io = memoryIo('', env);
    expect(await runCli(['keys', 'init', '--dir', dir, '--parties', 'gemeente-soest,riec-mn'], io)).toBe(1);
    expect(io.err()).toMatch(/bestaat al.*riec-mn\.key\.asc/);
    expect(await readdir(dir)).toEqual(['riec-mn.key.asc']);
    expect(await readFile(join(dir, 'riec-mn.key.asc'), 'utf8')).toBe('precious');
  });
});

describe('hub keys add', () => {
  it('adds the missing default parties and keeps every existing key and the partnership key', async () => {
    expect(await runCli(['keys', 'init', '--dir', dir, '--parties', 'gemeente-soest'], memoryIo('', env))).toBe(0);
    const before = await readFile(join(dir, 'gemeente-soest.key.asc'), 'utf8');
    const partnership = await readFile(join(dir, 'partnership.key'), 'utf8');
    const io = memoryIo('', env);
    expect(await runCli(['keys', 'add', '--dir', dir], io)).toBe(0);
    const directory = PartyDirectory.parse(JSON.parse(await readFile(join(dir, 'directory.json'), 'utf8')));
    expect(directory.parties.map((party) => party.id).sort()).toEqual([...DEFAULT_HUB_PARTIES].sort());
    expect(await readFile(join(dir, 'gemeente-soest.key.asc'), 'utf8')).toBe(before);
    expect(await readFile(join(dir, 'partnership.key'), 'utf8')).toBe(partnership);
    const keyring = await loadKeyringFromDirectory(dir, env.HUB_KEY_PASSPHRASE);
    expect((await keyring.privateKey('bibob-pool-bes')).isDecrypted()).toBe(true);
  });

  it('does nothing, successfully, when every default party is there', async () => {
    expect(await runCli(['keys', 'init', '--dir', dir], memoryIo('', env))).toBe(0);
    const before = await readFile(join(dir, 'directory.json'), 'utf8');
    const io = memoryIo('', env);
    expect(await runCli(['keys', 'add', '--dir', dir], io)).toBe(0);
    expect(io.out()).toMatch(/staan al/);
    expect(await readFile(join(dir, 'directory.json'), 'utf8')).toBe(before);
  });

  it('refuses a party that is already in the directory and changes nothing', async () => {
    expect(await runCli(['keys', 'init', '--dir', dir, '--parties', 'gemeente-soest'], memoryIo('', env))).toBe(0);
    const io = memoryIo('', env);
    expect(await runCli(['keys', 'add', '--dir', dir, '--parties', 'gemeente-soest,riec-mn'], io)).toBe(1);
    expect(io.err()).toMatch(/staat al in de partijenlijst.*gemeente-soest/);
    expect((await readdir(dir)).sort()).toEqual(['directory.json', 'gemeente-soest.key.asc', 'gemeente-soest.pub.asc', 'partnership.key']);
  });
});
