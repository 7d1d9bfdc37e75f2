import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The services, by folder name under services/. */
export type ServiceName = 'signal-intake' | 'meeting' | 'web';

/** A compiled service as a real process, the way `npm start` and production run it. */
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

  /** Only PATH and HOME are inherited: a test states every variable the service reads. */
  static start(service: ServiceName, env: Record<string, string>): ServiceProcess {
    const entry = `${repositoryRoot}services/${service}/dist/main.js`;
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first (npm test does)`);
    const { PATH, HOME } = process.env;
    return new ServiceProcess(spawn(process.execPath, [entry], { env: { PATH, HOME, ...env }, stdio: ['ignore', 'pipe', 'pipe'] }));
  }

  get running(): boolean {
    return !this.hasExited;
  }

  /** Everything the process wrote to stdout and stderr so far. */
  get log(): string {
    return this.output;
  }

  stop(signal: NodeJS.Signals = 'SIGTERM'): void {
    this.child.kill(signal);
  }
}
