/** A zod schema (anything with `parse`) or a plain function that turns the verified payload into a `T`. */
export type PayloadParser<T> = { parse(input: unknown): T } | ((input: unknown) => T);

export function runPayloadParser<T>(parser: PayloadParser<T>, input: unknown): T {
  return typeof parser === 'function' ? parser(input) : parser.parse(input);
}
