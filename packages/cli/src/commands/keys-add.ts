import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_HUB_PARTIES, PartyDirectory } from '@signaalhub/contracts';
import { generatePartyKey, KeyFiles } from '@signaalhub/envelope';
import { CommandFailure } from '../cli-errors.js';
import type { CommandSpec } from '../command-spec.js';
import { ExitCode } from '../exit-codes.js';
import { parsePartyList } from '../party-list.js';
import { PASSPHRASE_ENV, requirePassphrase } from '../passphrase.js';

export const keysAddCommand: CommandSpec = {
  path: ['keys', 'add'],
  summary: 'Voeg partijen toe aan een bestaande sleutelmap',
  usage: 'hub keys add --dir MAP [--parties PARTIJ,PARTIJ,…]',
  description: [
    'Maakt sleutels voor partijen die nog niet in MAP/directory.json staan en zet ze in de partijenlijst.',
    'Bestaande sleutels en de partnerschapssleutel blijven zoals ze zijn; zonder --parties worden de',
    'standaardpartijen toegevoegd die ontbreken (niets te doen is geen fout).',
  ].join('\n'),
  flags: [
    { name: 'dir', valueName: 'MAP', required: true, description: 'Map die hub keys init maakte' },
    { name: 'parties', valueName: 'LIJST', description: 'Partij-id’s, komma-gescheiden (standaard: de ontbrekende standaardpartijen)' },
  ],
  environment: [`${PASSPHRASE_ENV}  wachtwoordzin voor de nieuwe privésleutels (verplicht)`],
  async run(flags, _positional, io) {
    const dir = flags.dir ?? '';
    const directoryPath = join(dir, KeyFiles.directory);
    let directory: PartyDirectory;
    try {
      directory = PartyDirectory.parse(JSON.parse(await readFile(directoryPath, 'utf8')));
    } catch {
      throw new CommandFailure(`geen geldige partijenlijst in ${directoryPath}; maak eerst sleutels met hub keys init`);
    }
    const known = new Set(directory.parties.map((party) => party.id));
    const wanted = flags.parties === undefined ? [...DEFAULT_HUB_PARTIES] : parsePartyList(flags.parties, 'parties');
    const missing = wanted.filter((party) => !known.has(party));
    if (flags.parties !== undefined && missing.length < wanted.length) {
      throw new CommandFailure(`staat al in de partijenlijst, er is niets gewijzigd: ${wanted.filter((party) => known.has(party)).join(', ')}`);
    }
    if (missing.length === 0) {
      io.stdout(`Alle partijen staan al in ${directoryPath}\n`);
      return ExitCode.ok;
    }
    const passphrase = requirePassphrase(io);
    const keys = [];
    for (const party of missing) keys.push(await generatePartyKey(party, passphrase));
    const extended = PartyDirectory.parse({
      ...directory,
      parties: [...directory.parties, ...keys.map((key) => ({ id: key.party, name: key.party, fingerprint: key.fingerprint }))],
    });
    for (const key of keys) {
      await writeFile(join(dir, KeyFiles.publicKey(key.party)), key.publicKey, { flag: 'wx', mode: 0o644 });
      await writeFile(join(dir, KeyFiles.privateKey(key.party)), key.privateKey, { flag: 'wx', mode: 0o600 });
    }
    // The directory last and by rename: a reader sees the old list or the new one, never half of one.
    const staged = `${directoryPath}.new`;
    await writeFile(staged, `${JSON.stringify(extended, null, 2)}\n`, { flag: 'w', mode: 0o644 });
    await rename(staged, directoryPath);
    io.stdout(`Sleutels toegevoegd voor ${missing.join(', ')} in ${dir}\n`);
    return ExitCode.ok;
  },
};
