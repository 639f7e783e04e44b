import type { Argv, CommandModule } from 'yargs';
import { QUIET_SCENARIO } from '../../report/coverage.js';
import { formatCoverage } from '../coverage-display.js';
import { streamOutput } from '../present.js';
import { createSuiteDisplay } from '../suite-display.js';
import { runSuiteCommand, suiteOptions, type SuiteArgs } from './suite.js';

/** Exit code when every scenario passed but some alert is not covered. */
const COVERAGE_GAP_EXIT_CODE = 1;

function builder(yargs: Argv): Argv<SuiteArgs> {
  return suiteOptions(yargs)
    .option('json', {
      type: 'boolean',
      default: false,
      describe: 'Print the coverage as JSON on stdout; progress goes to stderr',
    })
    .example('$0 coverage', 'Which scenario proves each alert fires, and which proves it silent')
    .example('$0 coverage --json > coverage.json', 'The same as JSON')
    .epilogue(
      `Runs every scenario in virtual time, as \`sim suite\` does, then lists every alert rule: ` +
        `the scenarios whose passing expectations prove it fires (first firing against the SLA) ` +
        `and those that prove it silent. Alerts no scenario fires come first, then those that ` +
        `${QUIET_SCENARIO} does not prove silent. Exits 0 when every alert is covered, 1 when ` +
        `some is not, and with the suite's own code when a scenario did not pass.`,
    ) as unknown as Argv<SuiteArgs>;
}

export const coverageCommand: CommandModule<object, SuiteArgs> = {
  command: 'coverage',
  describe: 'Show which scenario proves each alert fires, and stays silent where it must',
  builder,
  handler: async (argv) => {
    const stream = argv.json ? process.stderr : process.stdout;
    const display = createSuiteDisplay(stream);
    const result = await runSuiteCommand('coverage', argv, display.update);
    display.finish();
    const out = streamOutput(stream);
    if (result.coverage !== null) out.line(formatCoverage(result.coverage, { gapsOnly: false }));
    out.line(`report: ${result.reportPath}`);
    if (argv.json) streamOutput(process.stdout).line(JSON.stringify(result.coverage, null, 2));
    const covered = result.coverage?.goalMet === true;
    process.exitCode =
      result.exitCode !== 0 ? result.exitCode : covered ? 0 : COVERAGE_GAP_EXIT_CODE;
  },
};
