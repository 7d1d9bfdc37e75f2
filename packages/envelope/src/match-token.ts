import { createHmac } from 'node:crypto';
import {
  canonicalAddress,
  canonicalKenteken,
  canonicalKvkNumber,
  canonicalPerson,
  type AddressInput,
  type HeaderMatchToken,
  type MatchTokenKind,
  type PersonInput,
} from '@signaalhub/contracts';

/** A versioned partnership key; every partner holds the same one, so equal identifiers give equal tokens. */
export interface MatchTokenKey {
  readonly version: number;
  /** At least 32 random bytes. */
  readonly secret: Uint8Array;
}

/** An identifier as it arrives, before canonicalisation by the contracts package. */
export type MatchTokenSubject =
  | { readonly kind: 'kvk'; readonly kvkNumber: string }
  | { readonly kind: 'address'; readonly address: AddressInput }
  | { readonly kind: 'kenteken'; readonly kenteken: string }
  | { readonly kind: 'person'; readonly person: PersonInput };

export const MIN_MATCH_TOKEN_SECRET_BYTES = 32;

/** The canonical identifier, from the one canonicaliser in `@signaalhub/contracts` (DESIGN.md §3). */
export function canonicalIdentifier(subject: MatchTokenSubject): string {
  switch (subject.kind) {
    case 'kvk':
      return canonicalKvkNumber(subject.kvkNumber);
    case 'address':
      return canonicalAddress(subject.address);
    case 'kenteken':
      return canonicalKenteken(subject.kenteken);
    case 'person':
      return canonicalPerson(subject.person);
  }
}

/**
 * token = lowercase hex of HMAC-SHA256(secret, `<kind>:<canonical identifier>`). The kind prefix keeps
 * identifiers of different kinds from ever producing the same token.
 */
export function matchTokenOfCanonical(kind: MatchTokenKind, canonical: string, key: MatchTokenKey): HeaderMatchToken {
  if (key.secret.byteLength < MIN_MATCH_TOKEN_SECRET_BYTES) {
    throw new Error(`a partnership key needs at least ${MIN_MATCH_TOKEN_SECRET_BYTES} bytes`);
  }
  const token = createHmac('sha256', key.secret).update(`${kind}:${canonical}`, 'utf8').digest('hex');
  return { kind, version: key.version, token };
}

export function matchToken(subject: MatchTokenSubject, key: MatchTokenKey): HeaderMatchToken {
  return matchTokenOfCanonical(subject.kind, canonicalIdentifier(subject), key);
}
