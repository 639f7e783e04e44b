import type { Argv, CommandModule } from 'yargs';
import { DEFAULT_SPEC_FILE } from '../../slo/spec.js';
import { writeOutputFile } from '../../common/output-file.js';
import { checkSloRules, DEFAULT_RULES_DIR, generateSloRules } from '../../slo/generate.js';
import { streamOutput } from '../present.js';

interface GenerateArgs {
  spec: string;
  out: string;
  check: boolean;
}

function generateBuilder(yargs: Argv): Argv<GenerateArgs> {
  return yargs
    .option('spec', {
      type: 'string',
      default: DEFAULT_SPEC_FILE,
      describe: "SLO spec in Sloth's prometheus/v1 format",
    })
    .option('out', {
      type: 'string',
      default: DEFAULT_RULES_DIR,
      describe: 'Folder to write slo.yml into, or the rule file itself',
    })
    .option('check', {
      type: 'boolean',
      default: false,
      describe: 'Write nothing; exit 1 if the rule file differs from what the spec generates',
    })
    .example('$0 slo generate', `Regenerate ${DEFAULT_RULES_DIR}/slo.yml from ${DEFAULT_SPEC_FILE}`)
    .example('$0 slo generate --check', 'In CI: fail while the committed rule file is stale')
    .example('$0 slo generate --out /tmp/slo.yml', 'Write elsewhere to compare or test')
    .epilogue(
      'Exit codes: 0 written or up to date, 1 stale (--check), 2 the spec is invalid (the message ' +
        'names the field); nothing is written then.',
    ) as unknown as Argv<GenerateArgs>;
}

const generateCommand: CommandModule<object, GenerateArgs> = {
  command: 'generate',
  describe: 'Write the multiwindow burn-rate recording and alert rules of the SLO spec',
  builder: generateBuilder,
  handler: async (argv) => {
    const out = streamOutput(process.stdout);
    const options = { spec: argv.spec, out: argv.out };
    if (argv.check) {
      const { file } = await checkSloRules(options);
      out.line(`${file} is up to date with ${argv.spec}`);
      return;
    }
    const { file, text } = await generateSloRules(options);
    const written = await writeOutputFile(file, text, '--out');
    out.line(written ? `wrote ${file} from ${argv.spec}` : `${file} is already up to date`);
  },
};

export const sloCommand: CommandModule = {
  command: 'slo <command>',
  describe: 'Generate the SLO burn-rate rules from stack/slo/slos.yml',
  builder: (yargs) =>
    yargs.command(generateCommand).demandCommand(1, 'Name a subcommand: `sim slo generate`'),
  handler: () => undefined,
};
