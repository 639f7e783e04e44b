import { firstProblemLine } from './run-command.js';

describe('firstProblemLine', () => {
  it('keeps the line after an introduction that ends with a colon', () => {
    const result = {
      exitCode: 1,
      stdout: 'Checking bad.yml\n\n',
      stderr:
        '  FAILED:\nbad.yml: yaml: unmarshal errors:\n  line 6: field unknownkey not found in type rulefmt.RuleNode\n',
    };

    expect(firstProblemLine(result)).toBe(
      'bad.yml: yaml: unmarshal errors: line 6: field unknownkey not found in type rulefmt.RuleNode',
    );
  });

  it('takes the problem on the FAILED line itself, or the exit code when nothing was said', () => {
    expect(firstProblemLine({ exitCode: 1, stdout: '  FAILED: no rules\n', stderr: '' })).toBe(
      'no rules',
    );
    expect(firstProblemLine({ exitCode: 4, stdout: '', stderr: '\n' })).toBe('exit code 4');
  });
});
