import { PartyId } from '@signaalhub/contracts';
import { UsageError } from './cli-errors.js';

/** `a,b,c` → validated, distinct party ids; `flag` names the option in the Dutch message. */
export function parsePartyList(value: string, flag: string): PartyId[] {
  const parties = value.split(',').map((party) => party.trim()).filter((party) => party !== '');
  if (parties.length === 0) throw new UsageError(`--${flag} noemt geen partij`);
  for (const party of parties) {
    if (!PartyId.safeParse(party).success) throw new UsageError(`--${flag}: "${party}" is geen geldige partij-id (kleine letters, cijfers en -)`);
  }
  if (new Set(parties).size !== parties.length) throw new UsageError(`--${flag} noemt een partij twee keer`);
  return parties;
}
