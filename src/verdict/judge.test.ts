import type { AlertTimeline, TimelineEvent } from '../engine/timeline.js';
import type { Expectation } from '../scenario/types.js';
import type { StackSettings } from '../stack/types.js';
import { judge } from './judge.js';

const labels = {
  alertname: 'ChildSafetyViolationCritical',
  age_group: '6-8',
  severity: 'critical',
};

function timeline(events: TimelineEvent[], overrides: Partial<AlertTimeline> = {}): AlertTimeline {
  return {
    startEpochMs: 0,
    endMs: 120_000,
    phases: [
      { name: 'baseline', startMs: 0, endMs: 20_000 },
      { name: 'incident', startMs: 20_000, endMs: 120_000 },
    ],
    faults: [{ name: 'burst', startMs: 20_000, endMs: 80_000 }],
    events,
    preflightProblems: [],
    ...overrides,
  };
}

const firing = (atMs: number, extra: Record<string, string> = {}): TimelineEvent => ({
  kind: 'alert',
  atMs,
  alert: 'ChildSafetyViolationCritical',
  labels: { ...labels, ...extra },
  state: 'firing',
});
const resolved = (atMs: number): TimelineEvent =>
  ({ ...firing(atMs), state: 'resolved' }) as TimelineEvent;
const notified = (atMs: number, receiver = 'pagerduty'): TimelineEvent => ({
  kind: 'notification',
  atMs,
  receiver,
  alert: 'ChildSafetyViolationCritical',
  labels,
  status: 'firing',
});

const fires: Expectation = {
  expect: 'fires',
  alert: 'ChildSafetyViolationCritical',
  labels: { age_group: '6-8' },
  after: 'burst',
  within: '60s',
  receiver: 'pagerduty',
};

describe('fires expectations', () => {
  it('pass when the notification reaches the receiver within the SLA, measured from the fault', () => {
    const [verdict] = judge([fires], timeline([firing(29_000), notified(30_500)]));
    expect(verdict?.outcome).toBe('pass');
    expect(verdict?.measured).toEqual({ firingMs: 9_000, notifiedMs: 10_500 });
  });

  it('fail when the alert never fires, saying so', () => {
    const [verdict] = judge([fires], timeline([]));
    expect(verdict?.outcome).toBe('fail');
    expect(verdict?.reason).toBe('never fired within 60s of burst');
  });

  it('fail when the alert fires but never reaches the receiver', () => {
    const [verdict] = judge([fires], timeline([firing(29_000), notified(30_000, 'default')]));
    expect(verdict?.outcome).toBe('fail');
    expect(verdict?.reason).toContain('never reached pagerduty');
  });

  it('fail when the notification arrives after the SLA', () => {
    const [verdict] = judge([fires], timeline([firing(70_000), notified(81_000)]));
    expect(verdict?.outcome).toBe('fail');
    expect(verdict?.measured.notifiedMs).toBe(61_000);
  });

  it('ignore alerts whose labels do not match', () => {
    const [verdict] = judge([fires], timeline([firing(29_000, { age_group: '3-5' })]));
    expect(verdict?.outcome).toBe('fail');
  });

  it('fail a rule that fires earlier than notBefore allows', () => {
    const eager: Expectation = { ...fires, notBefore: '10s', receiver: undefined };
    const [verdict] = judge([eager], timeline([firing(21_000)]));
    expect(verdict?.outcome).toBe('fail');
    expect(verdict?.reason).toContain('before the allowed 10s');
  });

  it('are inconclusive, never failed or passed, when the stack broke during the SLA', () => {
    const fault: TimelineEvent = {
      kind: 'stack-fault',
      atMs: 30_000,
      reason: 'Alertmanager exited',
    };
    const [verdict] = judge([fires], timeline([fault]));
    expect(verdict?.outcome).toBe('inconclusive');
    expect(verdict?.reason).toContain('Alertmanager exited');
  });

  it('are inconclusive, even when delivered, if the self-check failed', () => {
    const broken = timeline([firing(29_000), notified(30_500)], {
      preflightProblems: ['no Watchdog rule is loaded'],
    });
    const [verdict] = judge([fires], broken);
    expect(verdict?.outcome).toBe('inconclusive');
    expect(verdict?.reason).toContain('the self-check failed: no Watchdog rule is loaded');
  });

  it('are inconclusive when the run stopped before the SLA ran out', () => {
    const [verdict] = judge([fires], timeline([], { endMs: 40_000 }));
    expect(verdict?.outcome).toBe('inconclusive');
  });

  it('carry the predicted bound from the stack settings', () => {
    const settings: StackSettings = {
      scrapeIntervalMs: 5_000,
      evaluationIntervalMs: 5_000,
      rules: [
        {
          alert: 'ChildSafetyViolationCritical',
          expr: 'x',
          forMs: 0,
          labels: {},
          annotations: {},
          file: 'r.yml',
          evaluationIntervalMs: 5_000,
        },
      ],
      groupWaitMsByReceiver: { pagerduty: 1_000 },
      receivers: ['pagerduty'],
    };
    const [verdict] = judge([fires], timeline([]), settings);
    expect(verdict?.predictedMs).toBe(11_000);
  });
});

describe('silent expectations', () => {
  const silent: Expectation = { expect: 'silent', except: ['Watchdog'] };

  it('pass when nothing matching fired', () => {
    const watchdog: TimelineEvent = {
      kind: 'alert',
      atMs: 1_000,
      alert: 'Watchdog',
      labels: { alertname: 'Watchdog' },
      state: 'firing',
    };
    expect(judge([silent], timeline([watchdog]))[0]?.outcome).toBe('pass');
  });

  it('fail naming the alert and when it fired', () => {
    const [verdict] = judge([silent], timeline([firing(45_000)]));
    expect(verdict?.outcome).toBe('fail');
    expect(verdict?.reason).toContain('ChildSafetyViolationCritical{');
    expect(verdict?.reason).toContain('45.0 s');
  });

  it('look only at the phase named in `during`', () => {
    const duringBaseline: Expectation = { expect: 'silent', during: 'baseline' };
    expect(judge([duringBaseline], timeline([firing(45_000)]))[0]?.outcome).toBe('pass');
    expect(judge([duringBaseline], timeline([firing(5_000)]))[0]?.outcome).toBe('fail');
  });

  it('are inconclusive when the run was stopped before its last phase ended', () => {
    const [verdict] = judge([silent], timeline([], { endMs: 15_000 }));
    expect(verdict?.outcome).toBe('inconclusive');
    expect(verdict?.reason).toContain('the run stopped at 15.0 s');
  });

  it('are inconclusive when the self-check failed, because silence proves nothing then', () => {
    const [verdict] = judge(
      [silent],
      timeline([], { preflightProblems: ['Watchdog not delivered'] }),
    );
    expect(verdict?.outcome).toBe('inconclusive');
  });
});

describe('silent expectations with a receiver', () => {
  const notAtSlack: Expectation = {
    expect: 'silent',
    alert: 'ChildSafetyViolationCritical',
    receiver: 'child-safety-slack',
  };

  it('pass when the alert fires but is never delivered to that receiver', () => {
    const [verdict] = judge([notAtSlack], timeline([firing(25_000), notified(26_000)]));
    expect(verdict?.outcome).toBe('pass');
    expect(verdict?.reason).toBe('nothing matching reached child-safety-slack');
    expect(verdict?.subject).toBe('ChildSafetyViolationCritical never reaches child-safety-slack');
  });

  it('fail naming the notification that reached it', () => {
    const [verdict] = judge(
      [notAtSlack],
      timeline([firing(25_000), notified(26_000, 'child-safety-slack')]),
    );
    expect(verdict?.outcome).toBe('fail');
    expect(verdict?.reason).toMatch(
      /^reached child-safety-slack: ChildSafetyViolationCritical\{.*at 26\.0 s$/,
    );
  });
});

describe('resolves expectations', () => {
  const resolves: Expectation = {
    expect: 'resolves',
    alert: 'ChildSafetyViolationCritical',
    after: 'burst',
    within: '30s',
  };

  it('pass when the alert stops firing within the time after the fault ends', () => {
    const [verdict] = judge([resolves], timeline([firing(30_000), resolved(95_000)]));
    expect(verdict?.outcome).toBe('pass');
    expect(verdict?.measured.resolvedMs).toBe(15_000);
  });

  it('fail when the alert is still firing at the end of the run', () => {
    const [verdict] = judge([resolves], timeline([firing(30_000)]));
    expect(verdict?.outcome).toBe('fail');
    expect(verdict?.reason).toContain('still firing');
  });

  it('fail when the alert never fired at all', () => {
    expect(judge([resolves], timeline([]))[0]?.reason).toContain('never fired');
  });
});
