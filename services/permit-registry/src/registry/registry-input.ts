import { validateRequest } from '@signaalhub/contracts';
import type { UserIdentity } from '@signaalhub/identity';
import type { z } from 'zod';
import { InvalidRegistryInput } from './registry-errors.js';

/** The body as `schema` says, or InvalidRegistryInput (400) naming every field that is wrong (an unknown one by its name). */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = validateRequest(schema, body);
  if (!parsed.success) throw new InvalidRegistryInput(parsed.problems);
  return parsed.data;
}

/** Today in UTC, `YYYY-MM-DD`, from the application clock. */
export function today(clock: () => Date): string {
  return clock().toISOString().slice(0, 10);
}

/** Who did something, by opaque ids only. */
export interface RegistryActor {
  readonly party: string;
  readonly userId: string;
}

export function actorOf(caller: UserIdentity): RegistryActor {
  return { party: caller.party, userId: caller.userId };
}
