import { loadServiceKeys, type ServiceKeys } from '@signaalhub/service-kit';
import { testInfrastructure } from '@signaalhub/test-infra';

let keys: Promise<ServiceKeys> | undefined;

/** The test stack's party keys and partnership key, parsed once per test file. */
export function loadServiceKeysOnce(): Promise<ServiceKeys> {
  keys ??= loadServiceKeys(testInfrastructure().keysDir, testInfrastructure().keyPassphrase);
  return keys;
}
