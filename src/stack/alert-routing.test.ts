import { join } from 'node:path';
import { routeReceivers } from './alert-routing.js';
import { DEFAULT_STACK_DIR } from './render.js';

const CONFIG = join(DEFAULT_STACK_DIR, 'alertmanager', 'alertmanager.yml');
const route = (labels: Record<string, string>) => routeReceivers('amtool', CONFIG, labels);

describe('alert routing through amtool and the real routing tree', () => {
  it('delivers a critical child-safety violation to PagerDuty, Slack and email', async () => {
    const receivers = await route({
      alertname: 'ChildSafetyViolationCritical',
      severity: 'critical',
      team: 'child-safety',
      age_group: '6-8',
    });

    expect(receivers).toEqual(['pagerduty', 'child-safety-slack', 'child-safety-email']);
  });

  it('delivers a platform critical to PagerDuty only', async () => {
    const receivers = await route({
      alertname: 'HighErrorRate',
      severity: 'critical',
      team: 'platform',
      service: 'ai-service',
    });

    expect(receivers).toEqual(['pagerduty']);
  });

  it('delivers a child-safety warning to the team without paging', async () => {
    const receivers = await route({
      alertname: 'ContentToxicityHigh',
      severity: 'warning',
      team: 'child-safety',
    });

    expect(receivers).toEqual(['child-safety-slack', 'child-safety-email']);
  });

  it('delivers an emergency critical to PagerDuty and the emergency team', async () => {
    const receivers = await route({
      alertname: 'EmergencyResponseSlow',
      severity: 'critical',
      team: 'emergency',
    });

    expect(receivers).toEqual(['pagerduty', 'emergency']);
  });

  it('delivers the Watchdog to the watchdog receiver only', async () => {
    const receivers = await route({ alertname: 'Watchdog', severity: 'none', team: 'meta' });

    expect(receivers).toEqual(['watchdog']);
  });

  it('delivers an unknown warning to the default receiver', async () => {
    const receivers = await route({ alertname: 'SomethingNew', severity: 'warning' });

    expect(receivers).toEqual(['default']);
  });

  it('delivers a compliance warning to the compliance email', async () => {
    const receivers = await route({
      alertname: 'CoppaComplianceLow',
      severity: 'warning',
      team: 'compliance',
    });

    expect(receivers).toEqual(['compliance-email']);
  });

  it('routes label values with commas, spaces and double quotes as one value each', async () => {
    const receivers = await route({
      alertname: 'OddLabels',
      severity: 'warning',
      description: 'a, b "c" = d',
    });

    expect(receivers).toEqual(['default']);
  });

  it('names the label amtool could not read when it refuses an alert', async () => {
    await expect(route({ alertname: 'Bad', 'not a name': 'x' })).rejects.toThrow(
      /amtool could not route .*: amtool: error: .*not a name/,
    );
  });
});
