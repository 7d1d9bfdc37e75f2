import { parseArgs } from 'node:util';
import type { CliIo } from './cli-io.js';
import { UsageError } from './cli-errors.js';
import type { ExitCode } from './exit-codes.js';

export interface FlagSpec {
  readonly name: string;
  /** e.g. `MAP`; a flag without a value is a switch. */
  readonly valueName?: string;
  readonly required?: boolean;
  readonly description: string;
}

export type FlagValues = Readonly<Record<string, string | undefined>>;

export interface CommandSpec {
  /** e.g. `['keys', 'init']`. */
  readonly path: readonly string[];
  readonly summary: string;
  readonly usage: string;
  readonly description: string;
  readonly flags: readonly FlagSpec[];
  /** Name of the one positional argument, if the command takes one. */
  readonly positional?: string;
  readonly environment?: readonly string[];
  run(flags: FlagValues, positional: string | undefined, io: CliIo): Promise<ExitCode>;
}

export const HELP_FLAG: FlagSpec = { name: 'help', description: 'Toon deze hulp' };

/** The parser and the help text are both made from `spec.flags`, so they cannot drift apart. */
export function parserOptions(spec: CommandSpec): Record<string, { type: 'string' | 'boolean'; short?: string }> {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = { help: { type: 'boolean', short: 'h' } };
  for (const flag of spec.flags) options[flag.name] = { type: flag.valueName === undefined ? 'boolean' : 'string' };
  return options;
}

export interface ParsedCommand {
  readonly help: boolean;
  readonly flags: FlagValues;
  readonly positional: string | undefined;
}

export function parseCommand(spec: CommandSpec, argv: readonly string[]): ParsedCommand {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: parserOptions(spec), strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(dutchParseError(error));
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help === true) return { help: true, flags: {}, positional: undefined };
  const maxPositionals = spec.positional === undefined ? 0 : 1;
  if (parsed.positionals.length > maxPositionals) {
    throw new UsageError(`onverwacht argument: ${parsed.positionals[maxPositionals] ?? ''}`);
  }
  const positional = parsed.positionals[0];
  if (spec.positional !== undefined && positional === undefined) throw new UsageError(`${spec.positional} ontbreekt`);
  const flags: Record<string, string | undefined> = {};
  for (const flag of spec.flags) {
    const value = values[flag.name];
    if (flag.required === true && value === undefined) throw new UsageError(`--${flag.name} ontbreekt`);
    flags[flag.name] = typeof value === 'boolean' ? String(value) : value;
  }
  return { help: false, flags, positional };
}

export function helpText(spec: CommandSpec): string {
  const all = [...spec.flags, HELP_FLAG];
  const labels = all.map((flag) => `${flag.name === 'help' ? '-h, ' : ''}--${flag.name}${flag.valueName === undefined ? '' : ` ${flag.valueName}`}`);
  const width = Math.max(...labels.map((label) => label.length)) + 2;
  const lines = all.map((flag, index) => {
    const required = flag.required === true ? ' (verplicht)' : '';
    return `  ${(labels[index] ?? '').padEnd(width)}${flag.description}${required}`;
  });
  const environment = spec.environment === undefined ? [] : ['', 'Omgeving:', ...spec.environment.map((line) => `  ${line}`)];
  return [`Gebruik: ${spec.usage}`, '', spec.description, '', 'Opties:', ...lines, ...environment, ''].join('\n');
}

/** Turns node:util parseArgs errors into a short Dutch sentence naming the flag. */
function dutchParseError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const message = error instanceof Error ? error.message : '';
  const flag = /'(-{1,2}[^']*)'/.exec(message)?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `onbekende optie ${flag}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `optie ${flag.split(' ')[0] ?? flag} heeft een waarde nodig (of krijgt er een die niet mag)`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `onverwacht argument ${flag}`;
    default:
      return 'de opdrachtregel is niet geldig';
  }
}
