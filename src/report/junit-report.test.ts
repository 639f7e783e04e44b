import { renderJunit } from './junit-report.js';

describe('renderJunit', () => {
  it('reports a scenario that could not run as an error, never as an empty green suite', () => {
    const xml = renderJunit(
      [],
      [],
      [{ scenario: 'compliance', message: 'rule file x.yml is invalid', code: 'RULES_INVALID' }],
    );

    expect(xml).toMatch(/<testsuites [^>]*tests="1"[^>]*>/);
    expect(xml).toMatch(/<testsuites [^>]*errors="1"[^>]*>/);
    expect(xml).toContain('<testsuite name="compliance"');
    expect(xml).toContain('message="rule file x.yml is invalid" type="RULES_INVALID"');
  });
});
