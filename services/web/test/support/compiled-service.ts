import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { eventually } from './eventually.js';

/** The compiled entry point of a service of this repository (services/<name>/dist/main.js). */
export function serviceEntry(service: 'web' | 'signal-intake' | 'meeting'): string {
  return fileURLToPath(new URL(`../../../${service}/dist/main.js`, import.meta.url));
}

/** A compiled service as a real process, the way `npm start` and production run it. */
export class CompiledService {
  private output = '';
  private hasExited = false;
  readonly exited: Promise<number | NodeJS.Signals | null>;

  private constructor(
    readonly name: string,
    readonly baseUrl: string,
    private readonly child: ChildProcess,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.hasExited = true;
        resolve(code ?? signal);
      });
    });
  }

  /** Starts the process and waits until GET /health/ready answers 200. */
  static async start(name: 'web' | 'signal-intake' | 'meeting', port: number, env: Record<string, string>, deadlineMs = 90_000): Promise<CompiledService> {
    const entry = serviceEntry(name);
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npx tsc -b\` first (npm test does)`);
    const { PATH, HOME } = process.env;
    const child = spawn(process.execPath, [entry], { env: { PATH, HOME, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const service = new CompiledService(name, `http://127.0.0.1:${port}`, child);
    await eventually(
      async () => {
        if (service.hasExited) throw new Error(`${name} exited during start-up:\n${service.output}`);
        const response = await fetch(`${service.baseUrl}/health/ready`).catch(() => undefined);
        return response?.status === 200 ? true : undefined;
      },
      deadlineMs,
      `${name} to be ready`,
    );
    return service;
  }

  get log(): string {
    return this.output;
  }

  async stop(): Promise<void> {
    if (!this.hasExited) this.child.kill('SIGTERM');
    await this.exited;
  }
}
