import { describe, expect, it } from 'vitest';
import { runCli } from '../src/index.js';
import { memoryIo } from './memory-io.js';

const env = { HUB_KEY_PASSPHRASE: 'pw' };

describe(runCli.name, () => {
  const badUsage: [string, string[], RegExp][] = [
    ['no command', [], /geen opdracht/],
    ['an unknown command', ['encrypt'], /onbekende opdracht: encrypt/],
    ['an unknown flag', ['seal', '--keys', 'k', '--from', 'a', '--to', 'b', '--colour'], /onbekende optie --colour/],
    ['a flag without its value', ['open', '--keys'], /--keys/],
    ['a missing required flag', ['open', '--keys', 'k'], /--as ontbreekt/],
    ['a missing positional value', ['token', '--keys', 'k', '--kind', 'kvk'], /WAARDE ontbreekt/],
    ['an extra positional value', ['seal', 'extra', '--keys', 'k', '--from', 'a', '--to', 'b'], /onverwacht argument/],
    ['an invalid format', ['open', '--keys', 'k', '--as', 'riec-mn', '--format', 'xml'], /--format moet envelope of pgp/],
    ['pgp input without --from', ['open', '--keys', 'k', '--as', 'riec-mn', '--format', 'pgp'], /--from ontbreekt/],
    ['--from with an envelope', ['open', '--keys', 'k', '--as', 'riec-mn', '--from', 'politie-bes'], /--from hoort alleen bij --format pgp/],
    ['an invalid party id', ['seal', '--keys', 'k', '--from', 'Gemeente Soest', '--to', 'riec-mn'], /geen geldige partij-id/],
    ['a theme that does not exist', ['seal', '--keys', 'k', '--from', 'gemeente-soest', '--to', 'riec-mn', '--theme', 'fietsen'], /--theme/],
    ['an unknown token kind', ['token', '--keys', 'k', '--kind', 'bsn', '123'], /--kind/],
  ];
  for (const [what, argv, message] of badUsage) {
    it(`rejects ${what} with exit code 2 and a Dutch message`, async () => {
      const io = memoryIo('', env);
      expect(await runCli(argv, io)).toBe(2);
      expect(io.err()).toMatch(message);
      expect(io.out()).toBe('');
    });
  }

  it('rejects a run without HUB_KEY_PASSPHRASE with exit code 2', async () => {
    const io = memoryIo('{}', {});
    expect(await runCli(['seal', '--keys', 'k', '--from', 'gemeente-soest', '--to', 'riec-mn'], io)).toBe(2);
    expect(io.err()).toMatch(/HUB_KEY_PASSPHRASE ontbreekt/);
  });
});
