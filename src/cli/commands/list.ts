import type { CommandModule } from 'yargs';
import { listScenarioNames, loadScenario } from '../../scenario/load.js';
import { streamOutput } from '../present.js';

export const listCommand: CommandModule<object, { json?: boolean }> = {
  command: 'list',
  describe: 'List the shipped scenarios with what each one proves',
  builder: (yargs) =>
    yargs.option('json', { type: 'boolean', describe: 'Print the list as JSON on stdout' }),
  handler: async (argv) => {
    const out = streamOutput(process.stdout);
    const scenarios = [];
    for (const name of listScenarioNames()) {
      scenarios.push((await loadScenario(name)).scenario);
    }
    if (argv.json) {
      const rows = scenarios.map((s) => ({ name: s.name, description: s.description }));
      out.line(JSON.stringify(rows, null, 2));
      return;
    }
    const width = Math.max(...scenarios.map((s) => s.name.length));
    for (const scenario of scenarios) {
      out.line(`${scenario.name.padEnd(width)}  ${scenario.description}`);
    }
  },
};
