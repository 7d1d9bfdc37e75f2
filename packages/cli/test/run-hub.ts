import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const mainSource = fileURLToPath(new URL('../src/main.ts', import.meta.url));

export interface HubResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real `hub` process from source (as `npx hub` would run the build). */
export function runHub(args: readonly string[], options: { stdin?: string; env?: Record<string, string> } = {}): Promise<HubResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', mainSource, ...args], {
      env: { ...process.env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.stdin ?? '');
  });
}
