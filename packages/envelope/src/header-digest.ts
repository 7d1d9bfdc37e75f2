import { createHash } from 'node:crypto';
import type { EnvelopeHeader } from '@signaalhub/contracts';
import { canonicalJson } from './canonical-json.js';

/**
 * The bytes a header's sender signs and digests: the header's canonical JSON without the
 * `headerSignature` field (a v1 header has none, so for v1 it is the whole header). A partner's shell
 * writes the same with: `jq -jcS 'del(.headerSignature)' header.json`.
 */
export function canonicalHeader(header: EnvelopeHeader | Omit<EnvelopeHeader, 'headerSignature'>): string {
  const { headerSignature: _signature, ...facts } = header as Record<string, unknown>;
  return canonicalJson(facts);
}

/**
 * SHA-256 over the UTF-8 bytes of the canonical header, as 64 lowercase hex characters.
 * A partner's shell computes the same with: `jq -jcS 'del(.headerSignature)' header.json | sha256sum`.
 */
export function headerDigest(header: EnvelopeHeader | Omit<EnvelopeHeader, 'headerSignature'>): string {
  return canonicalHeaderDigest(canonicalHeader(header));
}

/** The same digest from the canonical header itself, for a caller that also signs or verifies it. */
export function canonicalHeaderDigest(canonical: string): string {
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
