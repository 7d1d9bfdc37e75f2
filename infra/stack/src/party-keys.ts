import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
const HUB_CLI = join(repositoryRoot, 'packages/cli/src/main.ts');

export interface PartyKeyOptions {
  /**
   * Throwaway keys only (tests): a directory made before one of these parties existed is removed and
   * made again. Never for keys that sealed data someone keeps.
   */
  readonly replaceIfLacking?: readonly string[];
}

/**
 * Local party keys for the hub-hosted parties (stack and tests only; production keys are made and kept
 * by each party). Made once with the real `hub keys init`, reused afterwards.
 */
export function ensurePartyKeys(dir: string, passphrase: string, options: PartyKeyOptions = {}): void {
  const directoryFile = join(dir, 'directory.json');
  if (existsSync(directoryFile)) {
    if (!lacksAny(directoryFile, options.replaceIfLacking ?? [])) return;
    rmSync(dir, { recursive: true, force: true });
  }
  const result = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', HUB_CLI, 'keys', 'init', '--dir', dir], {
    cwd: repositoryRoot,
    env: { ...process.env, HUB_KEY_PASSPHRASE: passphrase },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`hub keys init failed (exit ${String(result.status)}): ${result.stderr}`);
}

function lacksAny(directoryFile: string, parties: readonly string[]): boolean {
  const directory = JSON.parse(readFileSync(directoryFile, 'utf8')) as { parties?: { id?: unknown }[] };
  const present = new Set((directory.parties ?? []).map((party) => party.id));
  return parties.some((party) => !present.has(party));
}
