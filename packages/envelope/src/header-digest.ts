import { createHash } from 'node:crypto';
import type { EnvelopeHeader } from '@signaalhub/contracts';
import { canonicalJson } from './canonical-json.js';

/**
 * SHA-256 over the UTF-8 bytes of the header's canonical JSON, as 64 lowercase hex characters.
 * A partner's shell computes the same with: `jq -jcS . header.json | sha256sum`.
 */
export function headerDigest(header: EnvelopeHeader): string {
  return createHash('sha256').update(canonicalJson(header), 'utf8').digest('hex');
}
