import { spawnSync } from 'node:child_process';

/**
 * Makes sure a command-line tool exists, installing its Debian package when it does not (the CI
 * images run as root with apt). Returns the tool's `--version` first line.
 */
export function ensureTool(command: string, aptPackage: string): string {
  const probe = (): string | undefined => {
    const result = spawnSync(command, ['--version'], { encoding: 'utf8' });
    return result.status === 0 ? (result.stdout.split('\n')[0] ?? '') : undefined;
  };
  const found = probe();
  if (found !== undefined) return found;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', aptPackage]]) {
    const result = spawnSync('apt-get', args, { encoding: 'utf8', env });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed: ${result.stderr}`);
  }
  const installed = probe();
  if (installed === undefined) throw new Error(`${command} is still missing after installing ${aptPackage}`);
  return installed;
}
