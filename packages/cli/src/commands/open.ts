import { EnvelopeError, EnvelopeOpener, InMemoryReplayStore, MalformedEnvelopeError } from '@signaalhub/envelope';
import { CommandFailure, UsageError } from '../cli-errors.js';
import type { CommandSpec } from '../command-spec.js';
import { ENVELOPE_ERROR_TEXT } from '../envelope-error-text.js';
import { ExitCode } from '../exit-codes.js';
import { loadKeys } from '../load-keys.js';
import { parsePartyList } from '../party-list.js';
import { PASSPHRASE_ENV, requirePassphrase } from '../passphrase.js';
import { parseFormat } from './format.js';

export const openCommand: CommandSpec = {
  path: ['open'],
  summary: 'Open en controleer een envelop; toont de payload',
  usage: 'hub open --keys MAP --as PARTIJ [--format envelope|pgp] [--from PARTIJ] < invoer',
  description: [
    'Leest een envelop (JSON) of met --format pgp een kaal OpenPGP-bericht van stdin, controleert',
    'afzender, handtekening, header, ontvangers, leeftijd en herhaling, en schrijft pas daarna de',
    'payload (JSON) naar stdout. Bij weigering: exitcode 1 en de foutcode op stderr.',
    'Een kaal OpenPGP-bericht heeft geen header: geef dan met --from de afzender op, want alleen diens',
    'vastgelegde sleutel telt voor de handtekening.',
  ].join('\n'),
  flags: [
    { name: 'keys', valueName: 'MAP', required: true, description: 'Sleutelmap van hub keys init' },
    { name: 'as', valueName: 'PARTIJ', required: true, description: 'Open als deze partij (haar privésleutel moet in de map staan)' },
    { name: 'format', valueName: 'envelope|pgp', description: 'Invoer: envelop-JSON (standaard) of alleen het OpenPGP-bericht' },
    { name: 'from', valueName: 'PARTIJ', description: 'Afzender; verplicht bij, en alleen bij, --format pgp' },
  ],
  environment: [`${PASSPHRASE_ENV}  wachtwoordzin van de privésleutel van de lezer (verplicht)`],
  async run(flags, _positional, io) {
    const format = parseFormat(flags.format);
    const [reader] = parsePartyList(flags.as ?? '', 'as');
    if (format === 'pgp' && flags.from === undefined) throw new UsageError('--from ontbreekt (verplicht bij --format pgp)');
    if (format === 'envelope' && flags.from !== undefined) throw new UsageError('--from hoort alleen bij --format pgp (een envelop noemt zelf de afzender)');
    const passphrase = requirePassphrase(io);
    const input = await io.readStdin();
    const keyring = await loadKeys(flags.keys ?? '', passphrase);
    if (reader === undefined || !keyring.canActAs(reader)) throw new CommandFailure(`geen privésleutel van ${reader ?? ''} in ${flags.keys ?? ''}`);
    // One process opens one message: an in-memory replay store is enough here.
    const opener = new EnvelopeOpener(keyring, { replayStore: new InMemoryReplayStore() });
    try {
      const payload =
        format === 'pgp'
          ? (await opener.openBody(input, { as: reader, from: parsePartyList(flags.from ?? '', 'from')[0] ?? '', payload: (value) => value })).payload
          : (await opener.open(parseEnvelopeJson(input), { as: reader, payload: (value) => value })).payload;
      io.stdout(`${JSON.stringify(payload, null, 2)}\n`);
      return ExitCode.ok;
    } catch (error) {
      if (!(error instanceof EnvelopeError)) throw error;
      io.stderr(`hub open: geweigerd ${error.code}: ${ENVELOPE_ERROR_TEXT[error.code]}\n  (${error.message})\n`);
      return ExitCode.failure;
    }
  },
};

function parseEnvelopeJson(input: string): unknown {
  try {
    return JSON.parse(input);
  } catch {
    throw new MalformedEnvelopeError('the input is not JSON');
  }
}
