import { randomInt } from 'node:crypto';
import { resolve } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { createLogger } from '../../common/logger.js';
import { writeOutputFile } from '../../common/output-file.js';
import { compileScenario } from '../../engine/virtual/virtual-engine.js';
import { loadScenario } from '../../scenario/load.js';
import { describeExpectation } from '../../verdict/subject.js';
import { streamOutput } from '../present.js';

interface ExportArgs {
  scenario: string;
  format: 'promtool';
  out?: string;
  seed?: string;
  rules?: string[];
}

function builder(yargs: Argv): Argv<ExportArgs> {
  return yargs
    .positional('scenario', {
      type: 'string',
      demandOption: true,
      describe: 'A shipped scenario or a scenario file',
    })
    .option('format', {
      choices: ['promtool'] as const,
      default: 'promtool' as const,
      describe: 'What to write',
    })
    .option('out', {
      type: 'string',
      describe:
        'File to write, its folder made if missing; rule paths are made relative to it (default: stdout, relative to the current folder)',
    })
    .option('seed', {
      type: 'string',
      describe: 'Seed of the recorded traffic (default: random, printed)',
    })
    .option('rules', {
      type: 'string',
      array: true,
      describe: 'Rule files instead of stack/prometheus/rules/*.yml',
    })
    .example(
      '$0 export safety-incident --out alert-tests/safety-incident.test.yml',
      'Commit it beside the rules (not in stack/prometheus/rules/, where every *.yml is a rule file)',
    ) as unknown as Argv<ExportArgs>;
}

export const exportCommand: CommandModule<object, ExportArgs> = {
  command: 'export <scenario>',
  describe: 'Write a scenario as a promtool test file that passes with `promtool test rules` alone',
  builder,
  handler: async (argv) => {
    const seed = argv.seed ?? String(randomInt(1, 1_000_000));
    const { scenario, file } = await loadScenario(argv.scenario);
    const out = argv.out === undefined ? resolve('stdout.promtool.yml') : resolve(argv.out);
    const compiled = await compileScenario(
      {
        scenario,
        scenarioFile: file,
        seed,
        ruleFiles: argv.rules,
        logger: createLogger('sim'),
        onProgress: () => undefined,
      },
      { file: out, probes: false },
    );
    const notes = streamOutput(process.stderr);
    const encoded = new Set(compiled.checks.map((check) => check.expectationIndex));
    const left = scenario.expectations.filter((_, index) => !encoded.has(index));
    for (const expectation of left) {
      notes.line(
        `! not in the file: ${describeExpectation(expectation)} (delivery, or an SLA no longer than the route's group_wait, is judged by \`sim run\` only)`,
      );
    }
    if (argv.out === undefined) {
      process.stdout.write(compiled.text);
      notes.line(
        `exported ${scenario.name} (seed ${seed}); its rule paths are relative to ${process.cwd()}`,
      );
      return;
    }
    await writeOutputFile(out, compiled.text, '--out');
    notes.line(
      `wrote ${argv.out}: ${compiled.seriesCount} series × ${compiled.steps} steps, ${compiled.checks.length} checks (seed ${seed}); run: promtool test rules ${argv.out}`,
    );
  },
};
