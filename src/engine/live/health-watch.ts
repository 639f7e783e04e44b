import type { Clock } from '../../common/clock.js';
import type { StackFault } from '../timeline.js';

export interface HealthWatchOptions {
  /** What is watched, as a person names it: "Alertmanager". */
  name: string;
  /** True while the component answers. */
  isHealthy: () => Promise<boolean>;
  clock: Clock;
  originEpochMs: number;
  intervalMs?: number;
  onStackFault: (fault: StackFault) => void;
}

/**
 * Asks a stack component whether it is alive, once a second. A component that stops answering
 * (hung, paused, its port taken) opens a stack fault, closed when it answers again, so that a
 * notification it never sent is not blamed on the rules.
 */
export class HealthWatch {
  private readonly stopped = new AbortController();
  private loop: Promise<void> | undefined;
  private downSinceMs: number | undefined;

  constructor(private readonly options: HealthWatchOptions) {}

  start(): void {
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped.abort();
    await this.loop;
    if (this.downSinceMs !== undefined) this.report(this.now());
  }

  private now(): number {
    return this.options.clock.now() - this.options.originEpochMs;
  }

  private async run(): Promise<void> {
    while (!this.stopped.signal.aborted) {
      const healthy = await this.options.isHealthy();
      if (!healthy && this.downSinceMs === undefined) this.downSinceMs = this.now();
      if (healthy && this.downSinceMs !== undefined) this.report(this.now());
      await this.options.clock
        .sleep(this.options.intervalMs ?? 1_000, this.stopped.signal)
        .catch(() => undefined);
    }
  }

  private report(endMs: number): void {
    const atMs = this.downSinceMs!;
    this.downSinceMs = undefined;
    this.options.onStackFault({
      kind: 'stack-fault',
      atMs,
      endMs,
      reason: `${this.options.name} did not answer its health check`,
    });
  }
}
