import { StackConfigInvalidError } from '../common/errors.js';
import {
  prometheusTimings,
  readPrometheusConfig,
  renderPrometheusConfig,
} from './prometheus-config.js';

const SOURCE = `
global:
  scrape_interval: 15s
  evaluation_interval: 10s
  external_labels: { cluster: test }
rule_files: [rules/*.yml]
remote_write: [{ url: http://mimir/api/v1/push }]
alerting:
  alertmanagers: [{ static_configs: [{ targets: ['alertmanager:9093'] }] }]
scrape_configs:
  - job_name: node
    static_configs: [{ targets: ['node:9100'] }]
  - job_name: sim
    scrape_interval: 5s
    metrics_path: /metrics
    dns_sd_configs: [{ names: [sim.local] }]
    static_configs: [{ targets: ['sim:9464'] }]
`;

describe('prometheus config', () => {
  it('renders only the sim job, pointed at the given target, without service discovery', () => {
    const rendered = renderPrometheusConfig(readPrometheusConfig(SOURCE, 'p.yml'), {
      metricsTarget: '127.0.0.1:4000',
      alertmanagerTarget: '127.0.0.1:4001',
      ruleFiles: ['/tmp/a.yml'],
    });

    expect(rendered.scrape_configs).toEqual([
      {
        job_name: 'sim',
        scrape_interval: '5s',
        metrics_path: '/metrics',
        static_configs: [{ targets: ['127.0.0.1:4000'] }],
      },
    ]);
    expect(rendered['alerting']).toEqual({
      alertmanagers: [{ static_configs: [{ targets: ['127.0.0.1:4001'] }] }],
    });
    expect(rendered.rule_files).toEqual(['/tmp/a.yml']);
    expect(rendered['remote_write']).toBeUndefined();
    expect(rendered.global).toEqual(
      expect.objectContaining({ external_labels: { cluster: 'test' } }),
    );
  });

  it("reads the sim job's own scrape interval before the global one", () => {
    const config = readPrometheusConfig(SOURCE, 'p.yml');

    expect(prometheusTimings(config)).toEqual({
      scrapeIntervalMs: 5_000,
      evaluationIntervalMs: 10_000,
    });
  });

  it("uses Prometheus's defaults of one minute when no interval is set", () => {
    const config = readPrometheusConfig('scrape_configs: [{ job_name: sim }]\n', 'p.yml');

    expect(prometheusTimings(config)).toEqual({
      scrapeIntervalMs: 60_000,
      evaluationIntervalMs: 60_000,
    });
  });

  it('rejects a config without a sim job, naming the file', () => {
    const read = () => readPrometheusConfig('scrape_configs: [{ job_name: node }]\n', 'p.yml');

    expect(read).toThrow(StackConfigInvalidError);
    expect(read).toThrow('p.yml: it has no scrape job named "sim"');
  });
});
