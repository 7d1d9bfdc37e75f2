import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { runCommand } from './processes.js';

export function commandExists(command: string): boolean {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => dir !== '')
    .some((dir) => {
      try {
        accessSync(join(dir, command), constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
}

let aptListsUpdated = false;

/**
 * Installs Debian packages for missing tools. Only as root (as on the CI and developer machines);
 * elsewhere the message says what to install by hand.
 */
export async function installDebianPackages(packages: string[], why: string, log: (line: string) => void): Promise<void> {
  if (process.getuid?.() !== 0) {
    throw new Error(`${why}: install the Debian packages ${packages.join(' ')} (needs root)`);
  }
  if (!aptListsUpdated) {
    log('apt-get update');
    await runCommand('apt-get', ['update'], { timeoutMs: 600_000 });
    aptListsUpdated = true;
  }
  log(`apt-get install -y ${packages.join(' ')}`);
  await runCommand('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { timeoutMs: 900_000 });
}

export async function ensureCommands(
  commands: string[],
  packages: string[],
  log: (line: string) => void,
): Promise<void> {
  const missing = commands.filter((command) => !commandExists(command));
  if (missing.length === 0) return;
  await installDebianPackages(packages, `missing ${missing.join(', ')}`, log);
  const stillMissing = commands.filter((command) => !commandExists(command));
  if (stillMissing.length > 0) {
    throw new Error(`${stillMissing.join(', ')} still missing after installing ${packages.join(' ')}`);
  }
}
