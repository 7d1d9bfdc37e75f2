import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('../dist/main.js', import.meta.url));

/** The compiled service as a real process, the way `npm start` and production run it. */
export class ServiceProcess {
  private output = '';
  private hasExited = false;
  /** The exit code, or the signal that ended the process. */
  readonly exited: Promise<number | NodeJS.Signals | null>;

  private constructor(private readonly child: ChildProcess) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.hasExited = true;
        resolve(code ?? signal);
      });
    });
  }

  static start(env: Record<string, string>): ServiceProcess {
    if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run \`npm run build\` first (npm test does)`);
    const { PATH, HOME } = process.env;
    return new ServiceProcess(spawn(process.execPath, [ENTRY], { env: { PATH, HOME, ...env }, stdio: ['ignore', 'pipe', 'pipe'] }));
  }

  get running(): boolean {
    return !this.hasExited;
  }

  get log(): string {
    return this.output;
  }

  stop(signal: NodeJS.Signals = 'SIGTERM'): void {
    this.child.kill(signal);
  }
}

/** Polls until `condition` holds; never a fixed sleep. */
export async function eventually<T>(condition: () => Promise<T | undefined> | T | undefined, deadlineMs: number, what: string): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const value = await condition();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${deadlineMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
