import { ScenarioInvalidError } from '../common/errors.js';
import type { Scenario } from './types.js';
import { validateScenario } from './validate.js';

const valid: Scenario = {
  name: 'tiny',
  description: 'A valid scenario',
  load: { interactionsPerSecond: 10 },
  phases: [
    { name: 'baseline', duration: '30s' },
    { name: 'incident', duration: '1m' },
  ],
  faults: [
    {
      name: 'burst',
      phase: 'incident',
      effect: { kind: 'unsafe-content', unsafeShare: 0.2 },
    },
  ],
  expectations: [
    { expect: 'fires', alert: 'ChildSafetyViolationCritical', after: 'burst', within: '60s' },
  ],
};

function problemOf(input: unknown): string {
  try {
    validateScenario(input, 'scenarios/tiny.ts');
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioInvalidError);
    return (error as Error).message;
  }
  throw new Error('the scenario was accepted');
}

describe('scenario validation', () => {
  it('accepts a valid scenario unchanged', () => {
    expect(validateScenario(valid, 'scenarios/tiny.ts')).toEqual(valid);
  });

  it('names the file, the path and the bad value of a malformed duration', () => {
    const input = { ...valid, phases: [{ name: 'baseline', duration: '5 minutes' }] };
    expect(problemOf(input)).toBe(
      'scenarios/tiny.ts: phases[0].duration: is not a duration; write it as Prometheus does, e.g. 30s, 5m, 1h30m, got "5 minutes"',
    );
  });

  it('rejects an unknown key, so that a typo is not silently ignored', () => {
    const input = { ...valid, expectations: [{ ...valid.expectations[0], withinn: '5s' }] };
    expect(problemOf(input)).toContain('expectations[0]: Unrecognized key: "withinn"');
  });

  it('rejects an unknown fault kind and lists the known ones', () => {
    const input = {
      ...valid,
      faults: [{ name: 'x', phase: 'incident', effect: { kind: 'meteor' } }],
    };
    expect(problemOf(input)).toContain('faults[0].effect.kind');
  });

  it('rejects a label value outside the vocabulary', () => {
    const effect = { kind: 'unsafe-content', unsafeShare: 0.2, ageGroup: '13-17' };
    const input = { ...valid, faults: [{ name: 'x', phase: 'incident', effect }] };
    expect(problemOf(input)).toContain('faults[0].effect.ageGroup');
    expect(problemOf(input)).toContain('"13-17"');
  });

  it('rejects a fault in a phase that does not exist', () => {
    const input = { ...valid, faults: [{ ...valid.faults![0]!, phase: 'incidnet' }] };
    expect(problemOf(input)).toBe(
      'scenarios/tiny.ts: faults[0].phase: names no phase: "incidnet"; phases are baseline, incident',
    );
  });

  it('rejects an expectation measured from a fault that does not exist', () => {
    const input = { ...valid, expectations: [{ ...valid.expectations[0]!, after: 'bust' }] };
    expect(problemOf(input)).toContain('expectations[0].after: names no fault or phase: "bust"');
  });

  it('rejects a fault that outlasts the scenario', () => {
    const input = { ...valid, faults: [{ ...valid.faults![0]!, duration: '5m' }] };
    expect(problemOf(input)).toContain('faults[0]: "burst" outlasts the scenario');
  });

  it('rejects a module without a default export, saying so', () => {
    expect(problemOf(undefined)).toBe('scenarios/tiny.ts: the module has no default export');
  });

  it('rejects a load no single process could simulate, which would hang the run', () => {
    const input = { ...valid, load: { interactionsPerSecond: 1e12 } };
    expect(problemOf(input)).toContain('load.interactionsPerSecond: Too big');
  });

  it('rejects weights that are all 0', () => {
    const input = { ...valid, load: { interactionsPerSecond: 5, ageGroups: { '3-5': 0 } } };
    expect(problemOf(input)).toContain('load.ageGroups: needs at least one weight above 0');
  });

  it('rejects a phase of 0s and a duration beyond 30 days', () => {
    expect(problemOf({ ...valid, phases: [{ name: 'a', duration: '0s' }] })).toContain(
      'phases[0].duration: must be longer than 0s',
    );
    expect(problemOf({ ...valid, phases: [{ name: 'a', duration: '400d' }] })).toContain(
      'phases[0].duration: is longer than 30d',
    );
  });

  it('rejects two error shares for one service at once, since one would replace the other', () => {
    const errors = (name: string, errorShare: number) => ({
      name,
      phase: 'baseline',
      effect: { kind: 'service-errors' as const, service: 'ai-service' as const, errorShare },
    });
    const input = { ...valid, faults: [...valid.faults!, errors('a', 0.2), errors('b', 0)] };

    expect(problemOf(input)).toContain(
      `faults[${valid.faults!.length + 1}]: "b" sets ai-service's error share while "a" does`,
    );
  });

  it('rejects a deadline of 0s, which no alert can meet', () => {
    const expectations = [{ ...valid.expectations[0]!, within: '0s' }];
    expect(problemOf({ ...valid, expectations })).toContain(
      'expectations[0].within: must be longer than 0s',
    );
  });

  it('rejects a fault named like a phase, since `after` could mean either', () => {
    const input = {
      ...valid,
      faults: [{ ...valid.faults![0]!, name: 'baseline' }],
      expectations: [{ expect: 'silent' }],
    };
    expect(problemOf(input)).toContain(`fault "baseline" has a phase's name`);
  });

  it('rejects a fault whose offset starts it after its phase ended', () => {
    const input = { ...valid, faults: [{ ...valid.faults![0]!, offset: '2m', duration: '1s' }] };
    expect(problemOf(input)).toContain('faults[0].offset: starts after phase "incident" ends');
  });
});
