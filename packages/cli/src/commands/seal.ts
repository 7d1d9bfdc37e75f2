import { EVENT_CATALOG, EventType, EventTypes, Theme } from '@signaalhub/contracts';
import { EnvelopeSealer, type SealRequest } from '@signaalhub/envelope';
import { CommandFailure, UsageError } from '../cli-errors.js';
import type { CommandSpec } from '../command-spec.js';
import { ExitCode } from '../exit-codes.js';
import { loadKeys } from '../load-keys.js';
import { parsePartyList } from '../party-list.js';
import { PASSPHRASE_ENV, requirePassphrase } from '../passphrase.js';
import { parseFormat } from './format.js';

export const sealCommand: CommandSpec = {
  path: ['seal'],
  summary: 'Verzegel een JSON-payload tot een envelop',
  usage: 'hub seal --keys MAP --from PARTIJ --to PARTIJ[,PARTIJ…] [opties] < payload.json',
  description: [
    'Leest een JSON-payload van stdin, ondertekent die met de sleutel van de afzender en versleutelt',
    'naar alle ontvangers. Schrijft de envelop (JSON: header + body) naar stdout, of met --format pgp',
    'alleen het OpenPGP-bericht (de body).',
  ].join('\n'),
  flags: [
    { name: 'keys', valueName: 'MAP', required: true, description: 'Sleutelmap van hub keys init' },
    { name: 'from', valueName: 'PARTIJ', required: true, description: 'Afzender (haar privésleutel moet in de map staan)' },
    { name: 'to', valueName: 'LIJST', required: true, description: 'Ontvangers, komma-gescheiden' },
    { name: 'format', valueName: 'envelope|pgp', description: 'Uitvoer: envelop-JSON (standaard) of alleen het OpenPGP-bericht' },
    { name: 'type', valueName: 'TYPE', description: `Gebeurtenistype in de header: ${EventType.options.join(', ')} (standaard signal.submitted)` },
    { name: 'municipality', valueName: 'GEMEENTE', description: 'Gemeente in de header (standaard: <g> als de afzender gemeente-<g> is)' },
    { name: 'theme', valueName: 'THEMA', description: `Thema in de header van signal.submitted: ${Theme.options.join(', ')} (standaard overig)` },
    { name: 'facts', valueName: 'JSON', description: 'Overige routeringsgegevens van het type als JSON-object, bv. {"approach":"zorg","riecHandover":false}' },
  ],
  environment: [`${PASSPHRASE_ENV}  wachtwoordzin van de privésleutel van de afzender (verplicht)`],
  async run(flags, _positional, io) {
    const format = parseFormat(flags.format);
    const from = parsePartyList(flags.from ?? '', 'from');
    const to = parsePartyList(flags.to ?? '', 'to');
    if (from.length !== 1) throw new UsageError('--from noemt precies één partij');
    const sender = from[0] ?? '';
    const request = sealRequestOf(flags, sender, to);
    const passphrase = requirePassphrase(io);
    let payload: unknown;
    try {
      payload = JSON.parse(await io.readStdin());
    } catch {
      throw new CommandFailure('de invoer op stdin is geen geldige JSON');
    }
    const keyring = await loadKeys(flags.keys ?? '', passphrase);
    if (!keyring.canActAs(sender)) throw new CommandFailure(`geen privésleutel van ${sender} in ${flags.keys ?? ''}`);
    let envelope;
    try {
      envelope = await new EnvelopeSealer(keyring).seal(payload, request);
    } catch (error) {
      throw new CommandFailure(`verzegelen mislukt: ${error instanceof Error ? error.message : String(error)}`);
    }
    io.stdout(format === 'pgp' ? envelope.body : `${JSON.stringify(envelope, null, 2)}\n`);
    return ExitCode.ok;
  },
};

/** The header facts from the flags; the sealer validates them against the type's routing facts. */
function sealRequestOf(flags: Readonly<Record<string, string | undefined>>, sender: string, to: readonly string[]): SealRequest {
  const type = EventType.safeParse(flags.type ?? EventTypes.signalSubmitted);
  if (!type.success) throw new UsageError(`--type moet een van deze zijn: ${EventType.options.join(', ')}`);
  const facts: Record<string, unknown> = flags.facts === undefined ? {} : parseFacts(flags.facts);
  if ('municipality' in EVENT_CATALOG[type.data].facts) {
    const municipality = flags.municipality ?? /^gemeente-(.+)$/.exec(sender)?.[1];
    if (municipality === undefined) throw new UsageError('--municipality ontbreekt (de afzender is geen gemeente)');
    facts.municipality = municipality;
  }
  if (type.data === EventTypes.signalSubmitted) {
    const theme = flags.theme ?? 'overig';
    if (!Theme.safeParse(theme).success) throw new UsageError(`--theme moet een van deze zijn: ${Theme.options.join(', ')}`);
    facts.theme = theme;
  } else if (flags.theme !== undefined) {
    throw new UsageError('--theme hoort alleen bij --type signal.submitted');
  }
  // The sealer validates the facts against the type's routing facts and names any that do not fit.
  return { ...facts, from: sender, to, type: type.data } as SealRequest;
}

function parseFacts(text: string): Record<string, unknown> {
  let facts: unknown;
  try {
    facts = JSON.parse(text);
  } catch {
    throw new UsageError('--facts is geen geldige JSON');
  }
  if (typeof facts !== 'object' || facts === null || Array.isArray(facts)) throw new UsageError('--facts moet een JSON-object zijn');
  return { ...facts };
}
