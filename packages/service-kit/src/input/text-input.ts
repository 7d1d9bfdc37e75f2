import { isUtf8 } from 'node:buffer';
import type { ValidationProblem } from '@signaalhub/contracts';

/**
 * Characters no text may hold: control characters (C0 except tab, line feed and carriage return — a
 * textarea sends line breaks as CR LF —, DEL and C1) and lone surrogates (a `\uD800` escape), which are
 * no Unicode text. U+0000 and lone surrogates also break PostgreSQL text columns.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const FORBIDDEN_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF]/u;

/** A field name that can be echoed back: identifier-shaped or an array index. Anything else might be input. */
const ECHOABLE_SEGMENT = /^(?:[A-Za-z_][A-Za-z0-9_-]{0,63}|\d{1,6})$/;

export const INPUT_RULES = {
  controlCharacters: {
    rule: 'must not contain control characters (only tab and line breaks)',
    message: 'Bevat tekens die niet zijn toegestaan (stuurtekens)',
  },
  invalidUtf8: { rule: 'must be valid UTF-8 text', message: 'Bevat tekens die geen geldige tekst (UTF-8) zijn' },
  repeated: { rule: 'must be given once', message: 'Dit veld mag maar één keer worden meegestuurd' },
  nested: { rule: 'must be a single value, not nested', message: 'Dit veld moet één waarde zijn, geen samengestelde waarde' },
} as const;

export type InputRule = keyof typeof INPUT_RULES;

export function inputProblem(field: string, rule: InputRule): ValidationProblem {
  return { field, ...INPUT_RULES[rule] };
}

/** The dotted field name of a path; a segment that is not identifier-shaped is reported as `(unknown)`, never echoed. */
export function fieldName(path: readonly (string | number)[]): string {
  if (path.length === 0) return 'body';
  return path.map((segment) => (ECHOABLE_SEGMENT.test(String(segment)) ? String(segment) : '(unknown)')).join('.');
}

/** A string that is not well-formed Unicode (a lone surrogate from a `\uD800` escape) or holds a control character. */
export function isForbiddenText(value: string): boolean {
  return FORBIDDEN_CHARACTER.test(value);
}

/**
 * Every field of a parsed JSON value or form whose text (value or key) holds a control character or a
 * lone surrogate, by dotted path. Nothing of the input is echoed.
 */
export function controlCharacterProblems(value: unknown, path: readonly (string | number)[] = []): ValidationProblem[] {
  if (typeof value === 'string') return isForbiddenText(value) ? [inputProblem(fieldName(path), 'controlCharacters')] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => controlCharacterProblems(item, [...path, index]));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) =>
      isForbiddenText(key) ? [inputProblem(fieldName([...path, '(unknown)']), 'controlCharacters')] : controlCharacterProblems(item, [...path, key]),
    );
  }
  return [];
}

const PERCENT_OR_TEXT = /%[0-9A-Fa-f]{2}|[^%]+|%/g;

/** The bytes an `application/x-www-form-urlencoded` part stands for (`+` is a space); `latin1` keeps raw bytes as they came. */
function percentDecodedBytes(part: string): Buffer {
  const chunks = (part.replace(/\+/g, ' ').match(PERCENT_OR_TEXT) ?? []).map((token) =>
    token.length === 3 && token.startsWith('%') ? Buffer.from([Number.parseInt(token.slice(1), 16)]) : Buffer.from(token, 'latin1'),
  );
  return Buffer.concat(chunks);
}

/** The name of a urlencoded field as the form means it: `approach[x]` is field `approach`. */
export function urlencodedFieldName(rawName: string): string {
  const bytes = percentDecodedBytes(rawName);
  const name = isUtf8(bytes) ? bytes.toString('utf8') : '';
  return fieldName([name.split('[')[0] ?? '']);
}

/**
 * Fields of a urlencoded query string or form body (raw, as received) whose name or value does not
 * decode to UTF-8. Parsers replace such bytes silently (U+FFFD) or keep the `%FF` text, so this reads
 * the raw input.
 */
export function invalidUtf8Fields(raw: Buffer | string): string[] {
  const text = typeof raw === 'string' ? raw : raw.toString('latin1');
  const fields = new Set<string>();
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const separator = pair.indexOf('=');
    const [name, value] = separator === -1 ? [pair, ''] : [pair.slice(0, separator), pair.slice(separator + 1)];
    if (!isUtf8(percentDecodedBytes(name)) || !isUtf8(percentDecodedBytes(value))) fields.add(urlencodedFieldName(name));
  }
  return [...fields];
}

/** The raw query string of a request URL (without `?`), as the client sent it. */
export function rawQueryOf(url: string): string {
  const start = url.indexOf('?');
  return start === -1 ? '' : url.slice(start + 1);
}

/** The `charset` a Content-Type declares, lower case; undefined when it declares none. */
export function declaredCharset(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]*)"?/i.exec(contentType ?? '');
  return match?.[1]?.toLowerCase();
}

export const isUtf8Charset = (charset: string | undefined): boolean => charset === undefined || charset === 'utf-8' || charset === 'utf8';

/** Whether a URL path's every segment percent-decodes to UTF-8 text without control characters. */
export function isDecodablePath(path: string): boolean {
  return path.split('/').every((segment) => {
    const bytes = percentDecodedBytes(segment.replace(/\+/g, '%2B'));
    return isUtf8(bytes) && !isForbiddenText(bytes.toString('utf8'));
  });
}
