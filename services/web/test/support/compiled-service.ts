import { eventually, ServiceProcess } from '@signaalhub/test-infra';

/** A compiled service process that has answered GET /health/ready, with the base URL it listens on. */
export class CompiledService {
  private constructor(
    readonly name: string,
    readonly baseUrl: string,
    private readonly process: ServiceProcess,
  ) {}

  /** Starts the process and waits until GET /health/ready answers 200. */
  static async start(name: string, port: number, env: Record<string, string>, deadlineMs = 90_000): Promise<CompiledService> {
    const service = new CompiledService(name, `http://127.0.0.1:${port}`, ServiceProcess.start(name, env));
    await eventually(
      async () => {
        if (!service.process.running) throw new Error(`${name} exited during start-up:\n${service.log}`);
        const response = await fetch(`${service.baseUrl}/health/ready`).catch(() => undefined);
        return response?.status === 200 ? true : undefined;
      },
      { timeoutMs: deadlineMs, what: `${name} to be ready` },
    );
    return service;
  }

  get log(): string {
    return this.process.log;
  }

  async stop(): Promise<void> {
    if (this.process.running) this.process.stop('SIGTERM');
    await this.process.exited;
  }
}
