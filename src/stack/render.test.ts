import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { RuleFileInvalidError, StackConfigInvalidError } from '../common/errors.js';
import { silentLogger } from '../common/logger.js';
import { DEFAULT_STACK_DIR, renderStackConfig, type RenderOptions } from './render.js';

const FIXTURES_DIR = join(DEFAULT_STACK_DIR, '..', 'fixtures', 'rules');
const BROKEN_RULES = join(FIXTURES_DIR, 'invalid-expression.yml');

describe('rendering the local stack config', () => {
  // A private temp folder, so that "nothing left behind" is not confused by other tests.
  let tempRoot: string;

  beforeEach(async () => {
    tempRoot = await mkdtemp(join(tmpdir(), 'sim-render-test-'));
  });

  afterEach(async () => {
    await rm(tempRoot, { recursive: true, force: true });
  });

  const options = (overrides: Partial<RenderOptions> = {}): RenderOptions => ({
    metricsTarget: '127.0.0.1:4000',
    alertmanagerTarget: '127.0.0.1:4001',
    sinkUrl: 'http://127.0.0.1:4002/receivers',
    tools: { promtool: 'promtool', amtool: 'amtool' },
    tempDir: tempRoot,
    logger: silentLogger,
    ...overrides,
  });

  const readYaml = async <T>(file: string) => parse(await readFile(file, 'utf8')) as T;

  interface WrittenPrometheus {
    global: Record<string, string>;
    rule_files: string[];
    scrape_configs: unknown[];
    alerting: { alertmanagers: { static_configs: { targets: string[] }[] }[] };
  }

  it('points the sim job and the Alertmanager at the given addresses', async () => {
    const rendered = await renderStackConfig(options());
    const prometheus = await readYaml<WrittenPrometheus>(rendered.prometheusConfigFile);

    expect(rendered.dir.startsWith(join(tempRoot, 'sim-stack-'))).toBe(true);
    expect(prometheus.scrape_configs).toEqual([
      { job_name: 'sim', static_configs: [{ targets: ['127.0.0.1:4000'] }] },
    ]);
    expect(prometheus.alerting).toEqual({
      alertmanagers: [{ static_configs: [{ targets: ['127.0.0.1:4001'] }] }],
    });
    expect(prometheus.global['evaluation_interval']).toBe('5s');
  });

  it('copies the stack rule files and loads the copies', async () => {
    const rendered = await renderStackConfig(options());
    const prometheus = await readYaml<WrittenPrometheus>(rendered.prometheusConfigFile);
    const sources = Object.values(rendered.ruleFileSources).map((file) => file.split('/').pop());

    expect(sources).toEqual([
      'ai.yml',
      'child-safety.yml',
      'compliance.yml',
      'meta.yml',
      'slo.yml',
      'system.yml',
    ]);
    expect(prometheus.rule_files).toEqual(Object.keys(rendered.ruleFileSources));
    expect(await readdir(join(rendered.dir, 'rules'))).toHaveLength(sources.length);
  });

  it('loads only the given rule files when there are some', async () => {
    const only = join(DEFAULT_STACK_DIR, 'prometheus', 'rules', 'meta.yml');
    const rendered = await renderStackConfig(options({ ruleFiles: [only] }));

    expect(Object.values(rendered.ruleFileSources)).toEqual([only]);
  });

  it('sends every receiver to the sink, one webhook each', async () => {
    const rendered = await renderStackConfig(options());
    const alertmanager = await readYaml<{ receivers: { name: string }[] }>(
      rendered.alertmanagerConfigFile,
    );

    for (const receiver of alertmanager.receivers) {
      expect(receiver).toEqual({
        name: receiver.name,
        webhook_configs: [
          { url: `http://127.0.0.1:4002/receivers/${receiver.name}`, send_resolved: true },
        ],
      });
    }
    expect(alertmanager.receivers).toHaveLength(7);
  });

  it('rejects a rule file promtool rejects, naming it and the error, writing nothing', async () => {
    const error: unknown = await renderStackConfig(options({ ruleFiles: [BROKEN_RULES] })).catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(RuleFileInvalidError);
    expect((error as Error).message).toContain(`rule file ${BROKEN_RULES} is invalid`);
    expect((error as Error).message).toContain('could not parse expression');
    expect(await readdir(tempRoot)).toEqual([]);
  });

  it('rejects a rule file that does not exist', async () => {
    const missing = join(FIXTURES_DIR, 'no-such-file.yml');

    await expect(renderStackConfig(options({ ruleFiles: [missing] }))).rejects.toThrow(
      `rule file ${missing} does not exist`,
    );
  });

  it('removes the folder again when the rendered Alertmanager config is invalid', async () => {
    const stackDir = join(tempRoot, 'stack');
    await mkdir(join(stackDir, 'prometheus'), { recursive: true });
    await mkdir(join(stackDir, 'alertmanager'));
    await writeFile(
      join(stackDir, 'prometheus', 'prometheus.yml'),
      'scrape_configs: [{job_name: sim}]\n',
    );
    await writeFile(
      join(stackDir, 'alertmanager', 'alertmanager.yml'),
      'route: {receiver: nobody}\nreceivers: [{name: somebody}]\n',
    );
    const error: unknown = await renderStackConfig(options({ stackDir })).catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(StackConfigInvalidError);
    expect((error as Error).message).toContain('undefined receiver "nobody" used in route');
    expect(await readdir(tempRoot)).toEqual(['stack']);
  });
});
