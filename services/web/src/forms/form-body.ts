/** A urlencoded form body as Express parses it: a field sent once is a string, sent twice an array. */
export type FormBody = Readonly<Record<string, unknown>>;

export function text(body: FormBody, name: string): string {
  const value = body[name];
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return '';
}

export function texts(body: FormBody, name: string): string[] {
  const value = body[name];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return [];
}

export function checked(body: FormBody, name: string): boolean {
  return text(body, name) !== '';
}
