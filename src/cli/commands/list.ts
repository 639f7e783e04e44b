import type { CommandModule } from 'yargs';
import { formatDuration } from '../../common/duration.js';
import { listScenarioNames, loadScenario } from '../../scenario/load.js';
import { scenarioDurationMs } from '../../scenario/windows.js';
import { streamOutput } from '../present.js';

export const listCommand: CommandModule<object, { json?: boolean }> = {
  command: 'list',
  describe: 'List the shipped scenarios: name, length in real time, what each one proves',
  builder: (yargs) =>
    yargs.option('json', { type: 'boolean', describe: 'Print the list as JSON on stdout' }),
  handler: async (argv) => {
    const out = streamOutput(process.stdout);
    const scenarios = [];
    for (const name of listScenarioNames()) {
      scenarios.push((await loadScenario(name)).scenario);
    }
    if (argv.json) {
      const rows = scenarios.map((s) => ({
        name: s.name,
        description: s.description,
        durationMs: scenarioDurationMs(s),
      }));
      out.line(JSON.stringify(rows, null, 2));
      return;
    }
    // The length is what a live run takes in real time; virtual runs take seconds to minutes.
    const lengths = scenarios.map((s) => formatDuration(scenarioDurationMs(s)));
    const nameWidth = Math.max(...scenarios.map((s) => s.name.length));
    const lengthWidth = Math.max(...lengths.map((l) => l.length));
    scenarios.forEach((scenario, index) => {
      out.line(
        `${scenario.name.padEnd(nameWidth)}  ${lengths[index]!.padStart(lengthWidth)}  ${scenario.description}`,
      );
    });
  },
};
