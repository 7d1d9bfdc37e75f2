import type { UserIdentity } from '@signaalhub/identity';
import { uniqueName } from './unique-name.js';

/** A signed-in user of `party` with `roles`, as the web application would name them in a token. */
export function testCaller(party: string, roles: UserIdentity['roles'], userId: string = uniqueName('user')): UserIdentity {
  return { userId, party, roles: [...roles] };
}
