import { EventEmitter } from 'node:events';
import express from 'express';
import type { Clock } from '../../common/clock.js';
import type { Logger } from '../../common/logger.js';
import type { NotificationReceived } from '../timeline.js';
import { listen, type RunningServer } from './http-server.js';

/** An Alertmanager webhook payload as received, with the time it arrived. */
export interface ReceivedPayload {
  receiver: string;
  receivedAtEpochMs: number;
  body: unknown;
}

interface WebhookAlert {
  status?: string;
  labels?: Record<string, string>;
}

/**
 * Stands in for PagerDuty, Slack and email: Alertmanager posts to `/receivers/<name>`, and the
 * receipt time of every alert in every notification is recorded, exactly as it arrived.
 */
export class WebhookSink {
  readonly payloads: ReceivedPayload[] = [];
  private readonly received: NotificationReceived[] = [];
  private readonly emitter = new EventEmitter();
  private server: RunningServer | undefined;
  private originEpochMs = 0;

  constructor(
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async start(port = 0): Promise<RunningServer> {
    const app = express();
    app.use(express.json({ limit: '10mb' }));
    app.post('/receivers/:receiver', (request, response) => {
      this.record(request.params.receiver, request.body as unknown);
      response.status(200).json({ status: 'ok' });
    });
    this.server = await listen(app, port);

    return this.server;
  }

  /** Notifications from now on are stamped in scenario time, from this epoch. */
  setOrigin(epochMs: number): void {
    this.originEpochMs = epochMs;
  }

  onNotification(listener: (notification: NotificationReceived) => void): () => void {
    this.emitter.on('notification', listener);

    return () => this.emitter.off('notification', listener);
  }

  /** Resolves true when a notification matching `predicate` arrives within `timeoutMs`. */
  waitFor(predicate: (n: NotificationReceived) => boolean, timeoutMs: number): Promise<boolean> {
    const timeout = new AbortController();
    if (this.received.some(predicate)) return Promise.resolve(true);

    return new Promise((resolve) => {
      const stop = this.onNotification((notification) => {
        if (!predicate(notification)) return;
        stop();
        timeout.abort();
        resolve(true);
      });
      this.clock.sleep(timeoutMs, timeout.signal).then(
        () => {
          stop();
          resolve(false);
        },
        () => undefined,
      );
    });
  }

  async stop(): Promise<void> {
    await this.server?.close();
    this.server = undefined;
  }

  private record(receiver: string, body: unknown): void {
    const receivedAtEpochMs = this.clock.now();
    this.payloads.push({ receiver, receivedAtEpochMs, body });
    const alerts = (body as { alerts?: WebhookAlert[] } | undefined)?.alerts ?? [];
    this.logger.debug('notification received', { receiver, alerts: alerts.length });
    for (const alert of alerts) {
      const labels = alert.labels ?? {};
      const notification: NotificationReceived = {
        kind: 'notification',
        atMs: receivedAtEpochMs - this.originEpochMs,
        receiver,
        alert: labels['alertname'] ?? '',
        labels,
        status: alert.status === 'resolved' ? 'resolved' : 'firing',
      };
      this.received.push(notification);
      this.emitter.emit('notification', notification);
    }
  }
}
