import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CanonicalisationError, MatchTokenKind } from '@signaalhub/contracts';
import { KeyFiles, matchToken, parsePartnershipKey, type MatchTokenSubject } from '@signaalhub/envelope';
import { CommandFailure, UsageError } from '../cli-errors.js';
import type { CommandSpec } from '../command-spec.js';
import { ExitCode } from '../exit-codes.js';

export const tokenCommand: CommandSpec = {
  path: ['token'],
  summary: 'Bereken het matchtoken van een identificerend gegeven',
  usage: 'hub token --keys MAP --kind kvk|address|kenteken|person WAARDE',
  description: [
    'Schrijft het matchtoken als JSON ({"kind","version","token"}) naar stdout: HMAC-SHA256 met de',
    'partnerschapssleutel uit MAP/partnership.key over "<soort>:<canonieke vorm>". WAARDE per soort:',
    '  kvk       8 cijfers, bv. 12345678',
    '  address   postcode en huisnummer (en toevoeging), bv. "3761 AB 12" of 3761AB-12-A',
    '  kenteken  bv. AB-123-C',
    '  person    "naam|geboortedatum", bv. "Jan de Vries|1980-02-29"',
  ].join('\n'),
  flags: [
    { name: 'keys', valueName: 'MAP', required: true, description: 'Sleutelmap met partnership.key' },
    { name: 'kind', valueName: 'SOORT', required: true, description: 'kvk, address, kenteken of person' },
  ],
  positional: 'WAARDE',
  async run(flags, value, io) {
    const kind = MatchTokenKind.safeParse(flags.kind);
    if (!kind.success) throw new UsageError('--kind moet kvk, address, kenteken of person zijn');
    const keyFile = join(flags.keys ?? '', KeyFiles.partnershipKey);
    let key;
    try {
      key = parsePartnershipKey(await readFile(keyFile, 'utf8'));
    } catch (error) {
      throw new CommandFailure(`kan ${keyFile} niet lezen (${error instanceof Error ? error.message : String(error)})`);
    }
    try {
      io.stdout(`${JSON.stringify(matchToken(subjectOf(kind.data, value ?? ''), key))}\n`);
    } catch (error) {
      // The Dutch rule only: the rejected value itself is personal data and stays out of the output.
      if (error instanceof CanonicalisationError) throw new CommandFailure(error.ruleNl);
      throw error;
    }
    return ExitCode.ok;
  },
};

function subjectOf(kind: MatchTokenKind, value: string): MatchTokenSubject {
  switch (kind) {
    case 'kvk':
      return { kind, kvkNumber: value };
    case 'kenteken':
      return { kind, kenteken: value };
    case 'address': {
      const match = /^\s*([0-9]{4}\s*[A-Za-z]{2})[\s-]+([0-9]+)(?:[\s-]+([A-Za-z0-9]+))?\s*$/.exec(value);
      if (match === null) throw new UsageError('adres moet "postcode huisnummer [toevoeging]" zijn, bv. "3761 AB 12"');
      const [, postcode = '', huisnummer = '', toevoeging] = match;
      return { kind, address: { postcode, huisnummer: Number(huisnummer), toevoeging } };
    }
    case 'person': {
      const [name, birthDate, ...rest] = value.split('|');
      if (name === undefined || birthDate === undefined || rest.length > 0) {
        throw new UsageError('persoon moet "naam|geboortedatum" zijn, bv. "Jan de Vries|1980-02-29"');
      }
      return { kind, person: { name, birthDate } };
    }
  }
}
