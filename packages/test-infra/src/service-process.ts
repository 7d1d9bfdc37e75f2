import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readServicesManifest } from '@signaalhub/stack';
import { afterEach } from 'vitest';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));


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

  /** `service`: its folder name under services/, as listed in services/manifest.json. */
  static start(service: string, env: Record<string, string>): ServiceProcess {
    if (!readServicesManifest().some((entry) => entry.name === service)) throw new Error(`${service} is not in services/manifest.json`);
    return ServiceProcess.startEntry(`${repositoryRoot}services/${service}/dist/main.js`, env);
  }

  /** A compiled entry point that is not a listed service (a test fixture). Only PATH and HOME are inherited: a test states every variable the service reads. */
  static startEntry(entry: string, env: Record<string, string>): ServiceProcess {
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

/**
 * For tests that start service processes themselves: each started process is killed (SIGKILL) and
 * awaited after its test, so a failed assertion never leaves one running. Call once per test file.
 */
export function killedAfterEachTest(): { start(service: string, env: Record<string, string>): ServiceProcess; startEntry(entry: string, env: Record<string, string>): ServiceProcess } {
  const started: ServiceProcess[] = [];
  afterEach(async () => {
    for (const process of started.splice(0)) {
      process.stop('SIGKILL');
      await process.exited;
    }
  });
  const track = (process: ServiceProcess): ServiceProcess => {
    started.push(process);
    return process;
  };
  return {
    start: (service, env) => track(ServiceProcess.start(service, env)),
    startEntry: (entry, env) => track(ServiceProcess.startEntry(entry, env)),
  };
}
