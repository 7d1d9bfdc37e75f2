import { access, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_HUB_PARTIES, PartyDirectory } from '@signaalhub/contracts';
import { generatePartyKey, KeyFiles, newPartnershipKey, serialisePartnershipKey } from '@signaalhub/envelope';
import { CommandFailure } from '../cli-errors.js';
import type { CommandSpec } from '../command-spec.js';
import { ExitCode } from '../exit-codes.js';
import { parsePartyList } from '../party-list.js';
import { PASSPHRASE_ENV, requirePassphrase } from '../passphrase.js';

export const keysInitCommand: CommandSpec = {
  path: ['keys', 'init'],
  summary: 'Maak sleutels, partijenlijst en partnerschapssleutel aan',
  usage: 'hub keys init --dir MAP [--parties PARTIJ,PARTIJ,…]',
  description: [
    'Maakt per partij een OpenPGP v4-sleutel (Ed25519/Curve25519, leesbaar voor GnuPG 2.2):',
    '  MAP/<partij>.pub.asc   publieke sleutel',
    '  MAP/<partij>.key.asc   privésleutel, beschermd met de wachtwoordzin',
    '  MAP/directory.json     partijenlijst met vingerafdrukken',
    '  MAP/partnership.key    partnerschapssleutel (versie 1) voor matchtokens',
    'Bestaande bestanden worden nooit overschreven.',
  ].join('\n'),
  flags: [
    { name: 'dir', valueName: 'MAP', required: true, description: 'Map waarin de bestanden komen' },
    { name: 'parties', valueName: 'LIJST', description: 'Partij-id’s, komma-gescheiden (standaard: de negen BES-partijen en de Bibob-pool)' },
  ],
  environment: [`${PASSPHRASE_ENV}  wachtwoordzin voor de privésleutels (verplicht)`],
  async run(flags, _positional, io) {
    const dir = flags.dir ?? '';
    const parties = flags.parties === undefined ? [...DEFAULT_HUB_PARTIES] : parsePartyList(flags.parties, 'parties');
    const passphrase = requirePassphrase(io);
    const targets = [
      KeyFiles.directory,
      KeyFiles.partnershipKey,
      ...parties.flatMap((party) => [KeyFiles.publicKey(party), KeyFiles.privateKey(party)]),
    ].map((name) => join(dir, name));
    const existing = (await Promise.all(targets.map(async (path) => ((await exists(path)) ? [path] : [])))).flat();
    if (existing.length > 0) {
      throw new CommandFailure(`bestaat al, er is niets overschreven: ${existing.join(', ')}`);
    }
    await mkdir(dir, { recursive: true });
    const keys = [];
    for (const party of parties) keys.push(await generatePartyKey(party, passphrase));
    const directory = PartyDirectory.parse({
      version: 1,
      parties: keys.map((key) => ({ id: key.party, name: key.party, fingerprint: key.fingerprint })),
    });
    // `wx` fails if a file appeared meanwhile: even a race never overwrites a key.
    for (const key of keys) {
      await writeFile(join(dir, KeyFiles.publicKey(key.party)), key.publicKey, { flag: 'wx', mode: 0o644 });
      await writeFile(join(dir, KeyFiles.privateKey(key.party)), key.privateKey, { flag: 'wx', mode: 0o600 });
    }
    await writeFile(join(dir, KeyFiles.partnershipKey), serialisePartnershipKey(newPartnershipKey(1)), { flag: 'wx', mode: 0o600 });
    await writeFile(join(dir, KeyFiles.directory), `${JSON.stringify(directory, null, 2)}\n`, { flag: 'wx', mode: 0o644 });
    io.stdout(`Sleutels aangemaakt voor ${keys.length} partijen in ${dir}\n`);
    return ExitCode.ok;
  },
};

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
