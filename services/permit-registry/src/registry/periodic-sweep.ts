/**
 * Work the registry does on its own now and then (the public register's retention, the permit clock): once
 * at start, then every `intervalMs`, one run at a time (a tick while one runs is skipped); stop() waits for
 * the run in progress. `run` catches and logs its own failures: the next tick tries again.
 */
export class PeriodicSweep {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly intervalMs: number,
    private readonly run: () => Promise<void>,
  ) {}

  async start(): Promise<void> {
    await this.run();
    this.timer = setInterval(() => {
      this.running ??= this.run().finally(() => {
        this.running = undefined;
      });
    }, this.intervalMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
