import { readFileSync } from 'node:fs';
import type { CliIo } from './cli-io.js';
import { CommandFailure, UsageError } from './cli-errors.js';
import { helpText, parseCommand, type CommandSpec } from './command-spec.js';
import { COMMANDS } from './commands.js';
import { ExitCode } from './exit-codes.js';

export function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((command) => command.path.join(' ').length)) + 2;
  return [
    'Gebruik: hub <opdracht> [opties]',
    '',
    'Signaalhub-enveloppen maken, openen en controleren, matchtokens berekenen en wettelijke termijnen berekenen.',
    '',
    'Opdrachten:',
    ...COMMANDS.map((command) => `  ${command.path.join(' ').padEnd(width)}${command.summary}`),
    '',
    'Opties:',
    '  -h, --help  Toon deze hulp (ook per opdracht: hub <opdracht> --help)',
    '  --version   Toon de versie van hub en van Node.js',
    '',
    'Exitcodes: 0 gelukt, 1 geweigerd of mislukt, 2 verkeerde aanroep.',
    '',
  ].join('\n');
}

/** `hub --version`: the CLI's version and the Node.js it runs on (the scripts bring the project's Node). */
export function versionText(): string {
  // Read from src/ and from dist/ alike: both sit beside the package's package.json.
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return `hub ${version}\nnode ${process.version}\n`;
}

/** Finds the command whose path the argv starts with; the rest of argv belongs to that command. */
function findCommand(argv: readonly string[]): { command: CommandSpec; rest: readonly string[] } | undefined {
  for (const command of COMMANDS) {
    if (command.path.every((word, index) => argv[index] === word)) return { command, rest: argv.slice(command.path.length) };
  }
  return undefined;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const first = argv[0];
  if (first === '--help' || first === '-h' || first === 'help') {
    io.stdout(mainHelp());
    return ExitCode.ok;
  }
  if (first === '--version') {
    io.stdout(versionText());
    return ExitCode.ok;
  }
  const found = findCommand(argv);
  if (found === undefined) {
    const unknown = first === undefined ? 'geen opdracht opgegeven' : `onbekende opdracht: ${argv.slice(0, 2).join(' ')}`;
    io.stderr(`hub: ${unknown}\n\n${mainHelp()}`);
    return ExitCode.usage;
  }
  const { command, rest } = found;
  const name = `hub ${command.path.join(' ')}`;
  try {
    const parsed = parseCommand(command, rest);
    if (parsed.help) {
      io.stdout(helpText(command));
      return ExitCode.ok;
    }
    return await command.run(parsed.flags, parsed.positional, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${name}: ${error.message}\nZie: ${name} --help\n`);
      return ExitCode.usage;
    }
    if (error instanceof CommandFailure) {
      io.stderr(`${name}: ${error.message}\n`);
      return ExitCode.failure;
    }
    io.stderr(`${name}: onverwachte fout: ${error instanceof Error ? error.message : String(error)}\n`);
    return ExitCode.failure;
  }
}
