import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
const HUB_CLI = join(repositoryRoot, 'packages/cli/src/main.ts');

/**
 * Local party keys for the hub-hosted parties (stack and tests only; production keys are made and kept
 * by each party). Made once with the real `hub keys init`; a directory made before a default party
 * existed (e.g. the Bibob pool) gets that party's key from `hub keys add`, its other keys kept.
 */
export function ensurePartyKeys(dir: string, passphrase: string): void {
  const command = existsSync(join(dir, 'directory.json')) ? 'add' : 'init';
  const result = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', HUB_CLI, 'keys', command, '--dir', dir], {
    cwd: repositoryRoot,
    env: { ...process.env, HUB_KEY_PASSPHRASE: passphrase },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`hub keys ${command} failed (exit ${String(result.status)}): ${result.stderr}`);
}
