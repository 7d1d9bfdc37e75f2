import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { COMMANDS, helpText, mainHelp, parserOptions, runCli, versionText } from '../src/index.js';
import { memoryIo } from './memory-io.js';
import { runHub } from './run-hub.js';

function flagsMentionedIn(text: string): string[] {
  return [...new Set([...text.matchAll(/(?<![\w-])--([a-z][a-z-]*)/g)].map((match) => match[1] ?? ''))].sort();
}

describe(helpText.name, () => {
  for (const command of COMMANDS) {
    const name = command.path.join(' ');

    it(`names exactly the flags the parser of "${name}" accepts`, () => {
      const sut = helpText(command);
      expect(flagsMentionedIn(sut)).toEqual(Object.keys(parserOptions(command)).sort());
    });

    it(`is printed for "hub ${name} --help" with exit code 0`, async () => {
      const io = memoryIo();
      expect(await runCli([...command.path, '--help'], io)).toBe(0);
      expect(io.out()).toBe(helpText(command));
      expect(io.out()).toContain(`Gebruik: hub ${name}`);
    });
  }
});

describe(mainHelp.name, () => {
  it('lists every command and is printed for hub --help', async () => {
    const io = memoryIo();
    expect(await runCli(['--help'], io)).toBe(0);
    for (const command of COMMANDS) expect(io.out()).toContain(command.path.join(' '));
    expect(flagsMentionedIn(io.out())).toEqual(['help', 'version']);
  });
});

describe(versionText.name, () => {
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

  it('names the CLI version and the Node.js that runs hub, for hub --version with exit code 0', async () => {
    const io = memoryIo();
    expect(await runCli(['--version'], io)).toBe(0);
    expect(io.out()).toBe(`hub ${version}\nnode ${process.version}\n`);
  });

  it('is what the hub process prints when run on the same Node.js as the tests', async () => {
    const sut = await runHub(['--version']);
    expect(sut).toEqual({ code: 0, stdout: `hub ${version}\nnode ${process.version}\n`, stderr: '' });
  });
});
