import { SteppedClock } from '../../common/clock.js';
import { silentLogger } from '../../common/logger.js';
import type { NotificationReceived } from '../timeline.js';
import { WebhookSink } from './webhook-sink.js';

const payload = {
  version: '4',
  status: 'firing',
  receiver: 'pagerduty',
  alerts: [
    { status: 'firing', labels: { alertname: 'ChildSafetyViolationCritical', age_group: '6-8' } },
    { status: 'resolved', labels: { alertname: 'ContentToxicityHigh', age_group: '6-8' } },
  ],
};

describe('the webhook sink', () => {
  const clock = new SteppedClock(5_000);
  const sink = new WebhookSink(clock, silentLogger);
  let url = '';

  beforeAll(async () => {
    url = (await sink.start()).url;
  });
  afterAll(() => sink.stop());

  it('records each alert of a notification with its receiver and the receipt time', async () => {
    const received: NotificationReceived[] = [];
    sink.setOrigin(1_000);
    const stop = sink.onNotification((n) => received.push(n));
    const response = await fetch(`${url}/receivers/pagerduty`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
    stop();
    expect(response.status).toBe(200);
    expect(received).toEqual([
      expect.objectContaining({
        receiver: 'pagerduty',
        alert: 'ChildSafetyViolationCritical',
        status: 'firing',
        atMs: 4_000,
      }),
      expect.objectContaining({ alert: 'ContentToxicityHigh', status: 'resolved' }),
    ]);
    expect(sink.payloads.at(-1)).toMatchObject({ receiver: 'pagerduty', body: payload });
  });

  it('answers a wait at once when the notification already arrived', async () => {
    await expect(sink.waitFor((n) => n.alert === 'ChildSafetyViolationCritical', 10)).resolves.toBe(
      true,
    );
  });

  it('gives up a wait when the clock passes the timeout', async () => {
    const waiting = sink.waitFor((n) => n.alert === 'Watchdog', 1_000);
    clock.advance(1_000);
    await expect(waiting).resolves.toBe(false);
  });
});
