import { inputProblem, type InputRule } from '@signaalhub/service-kit';
import { InvalidFormInput } from './invalid-form-input.js';

/** A urlencoded form body as the parser gives it: a field sent once is a string, sent twice a list, `a[b]=` an object. */
export type FormBody = Readonly<Record<string, unknown>>;

function refused(name: string, rule: InputRule): InvalidFormInput {
  return new InvalidFormInput([inputProblem(name, rule)]);
}

/** The one value of a field ('' when absent); a repeated or nested field is refused (422), never read in part. */
export function text(body: FormBody, name: string): string {
  const value = body[name];
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  throw refused(name, Array.isArray(value) ? 'repeated' : 'nested');
}

/** Every value of a multi-valued field (checkboxes); a nested value among them is refused. */
export function texts(body: FormBody, name: string): string[] {
  const value = body[name];
  if (value === undefined) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((item): item is string => typeof item === 'string')) return value;
  throw refused(name, 'nested');
}

export function checked(body: FormBody, name: string): boolean {
  return text(body, name) !== '';
}
