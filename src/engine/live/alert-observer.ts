import type { Clock } from '../../common/clock.js';
import type { Logger } from '../../common/logger.js';
import { alertKey, type AlertTransition, type StackFault } from '../timeline.js';

/** One entry of Prometheus's `/api/v1/alerts`. */
export interface ObservedAlert {
  labels: Record<string, string>;
  state: 'pending' | 'firing';
  activeAt?: string;
}

export interface AlertObserverOptions {
  fetchAlerts: () => Promise<ObservedAlert[]>;
  clock: Clock;
  logger: Logger;
  /** Epoch milliseconds of scenario time 0. */
  originEpochMs: number;
  pollIntervalMs?: number;
  onTransition: (transition: AlertTransition) => void;
  onStackFault: (fault: StackFault) => void;
}

/**
 * Polls the rule engine's alert list and turns each change of state into a transition. An alert
 * that leaves the list was resolved (if it fired) or went inactive (if it was only pending).
 * A failed poll opens a stack fault, closed by the next poll that succeeds.
 */
export class AlertObserver {
  private readonly known = new Map<string, AlertTransition>();
  private openFault: StackFault | undefined;
  private readonly stopped = new AbortController();
  private loop: Promise<void> | undefined;

  constructor(private readonly options: AlertObserverOptions) {}

  start(): void {
    this.loop = this.run();
  }

  /** Stops polling after one last look, so the final state is recorded. */
  async stop(): Promise<void> {
    this.stopped.abort();
    await this.loop;
    await this.poll();
    this.closeFault();
  }

  private async run(): Promise<void> {
    const intervalMs = this.options.pollIntervalMs ?? 250;
    while (!this.stopped.signal.aborted) {
      await this.poll();
      await this.options.clock.sleep(intervalMs, this.stopped.signal).catch(() => undefined);
    }
  }

  private async poll(): Promise<void> {
    const atMs = this.options.clock.now() - this.options.originEpochMs;
    let alerts: ObservedAlert[];
    try {
      alerts = await this.options.fetchAlerts();
    } catch (error) {
      this.openFaultAt(atMs, error);
      return;
    }
    this.closeFault();
    this.diff(alerts, atMs);
  }

  private diff(alerts: ObservedAlert[], atMs: number): void {
    const seen = new Set<string>();
    for (const alert of alerts) {
      const name = alert.labels['alertname'] ?? '';
      const key = alertKey(name, alert.labels);
      seen.add(key);
      if (this.known.get(key)?.state === alert.state) continue;
      const activeAtMs =
        alert.activeAt === undefined
          ? undefined
          : Date.parse(alert.activeAt) - this.options.originEpochMs;
      this.emit(key, {
        kind: 'alert',
        atMs,
        alert: name,
        labels: alert.labels,
        state: alert.state,
        activeAtMs,
      });
    }
    for (const [key, previous] of this.known) {
      if (seen.has(key)) continue;
      const state = previous.state === 'firing' ? 'resolved' : 'inactive';
      this.emit(key, { ...previous, atMs, state });
      this.known.delete(key);
    }
  }

  private emit(key: string, transition: AlertTransition): void {
    if (transition.state === 'pending' || transition.state === 'firing') {
      this.known.set(key, transition);
    }
    this.options.logger.debug('alert transition', { alert: key, state: transition.state });
    this.options.onTransition(transition);
  }

  private openFaultAt(atMs: number, error: unknown): void {
    if (this.openFault !== undefined) return;
    const reason = `Prometheus alerts API unreachable: ${error instanceof Error ? error.message : String(error)}`;
    this.openFault = { kind: 'stack-fault', atMs, reason };
    this.options.logger.warn('alert poll failed', { reason });
  }

  private closeFault(): void {
    if (this.openFault === undefined) return;
    const endMs = this.options.clock.now() - this.options.originEpochMs;
    this.options.onStackFault({ ...this.openFault, endMs });
    this.openFault = undefined;
  }
}
