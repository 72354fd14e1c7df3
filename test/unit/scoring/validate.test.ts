// validateConfig: every problem with a path and a sentence; never a throw.
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../../lib/scoring';
import { configInput, LOGIN_BANDS } from './fixtures';

function issuesOf(input: unknown) {
  const result = validateConfig(input);
  if (result.ok) throw new Error('expected the config to be rejected');
  return result.issues;
}

function mutated(change: (c: any) => void): unknown {
  const c = structuredClone(configInput()) as any;
  change(c);
  return c;
}

describe('validateConfig', () => {
  it('accepts a valid config and fills defaults', () => {
    const result = validateConfig(configInput());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.scorecards[0]!.formula).toBe('weighted');
    expect(result.config.scorecards[0]!.measures[0]!.weight).toBe(1);
    expect(result.config.missing).toEqual({ policy: 'skip', neutralValue: 50, minCoverage: 0 });
    expect(result.config.metrics[0]!.direction).toBe('higher');
  });

  it.each([null, [], 'config', 42, true, () => 1])('rejects %s at the root with a sentence', (input) => {
    expect(issuesOf(input)).toEqual([{ path: 'config', message: expect.stringMatching(/^expected an object, got /) }]);
  });

  it('rejects nothing at all', () => {
    expect(issuesOf(undefined)).toEqual([{ path: 'config', message: 'is required (an object)' }]);
  });

  it('reports an unknown field (a typo) on its object', () => {
    const issues = issuesOf(mutated((c) => (c.scorecards[0].measures[0].wieght = 2)));
    expect(issues).toContainEqual({ path: 'scorecards[0].measures[0]', message: 'has unknown field "wieght"' });
  });

  it('names the expected type and what it got', () => {
    const issues = issuesOf(mutated((c) => (c.scorecards[0].measures[0].weight = 'heavy')));
    expect(issues).toContainEqual({ path: 'scorecards[0].measures[0].weight', message: 'expected a number, got the text "heavy"' });
  });

  it('lists the allowed measure types', () => {
    const issues = issuesOf(mutated((c) => (c.scorecards[0].measures[0].type = 'curve')));
    expect(issues[0]!.path).toBe('scorecards[0].measures[0].type');
    expect(issues[0]!.message).toContain('"bands", "linear", "boolean", "category", "points", got the text "curve"');
  });

  it('rejects bands whose thresholds do not increase', () => {
    const issues = issuesOf(mutated((c) => (c.scorecards[0].measures[0].bands = [{ lte: 5, value: 0 }, { lt: 5, value: 50 }, { value: 100 }])));
    expect(issues).toContainEqual({ path: 'scorecards[0].measures[0].bands', message: expect.stringMatching(/^thresholds must increase/) });
  });

  it('requires a catch-all last band and a threshold on every other band', () => {
    const issues = issuesOf(mutated((c) => (c.scorecards[0].measures[0].bands = [{ value: 0 }, { lt: 9, value: 50 }])));
    expect(issues.map((i) => i.path)).toEqual(['scorecards[0].measures[0].bands[0]', 'scorecards[0].measures[0].bands[1]']);
  });

  it('finds tier gaps, overlaps and an unfinished scale', () => {
    const gap = issuesOf(mutated((c) => (c.tiers[1].min = 42)));
    expect(gap).toContainEqual({ path: 'tiers[1].min', message: expect.stringContaining('scores 40–41 have no tier') });
    const overlap = issuesOf(mutated((c) => (c.tiers[2].min = 55)));
    expect(overlap).toContainEqual({ path: 'tiers[2].min', message: expect.stringContaining('scores 55–59 would be in two tiers') });
    const short = issuesOf(mutated((c) => (c.tiers[2].max = 99)));
    expect(short).toContainEqual({ path: 'tiers[2].max', message: expect.stringContaining('must be 100') });
  });

  it('rejects fractional tier bounds (tiers are whole-number ranges)', () => {
    expect(issuesOf(mutated((c) => (c.tiers[1].min = 39.5))).map((i) => i.path)).toContain('tiers[1].min');
  });

  it('reports unknown metric keys with the known ones', () => {
    const issues = issuesOf(mutated((c) => (c.scorecards[0].measures[0].metric = 'loginz')));
    expect(issues).toEqual([{ path: 'scorecards[0].measures[0].metric', message: expect.stringMatching(/^unknown metric "loginz"; known metrics: logins, adoption/) }]);
  });

  it('reports duplicate keys with the first place they appear', () => {
    const issues = issuesOf(mutated((c) => (c.metrics[2].key = 'logins')));
    expect(issues).toContainEqual({ path: 'metrics[2].key', message: 'duplicate metric key "logins" (also metrics[0])' });
  });

  it('reports key problems together with type errors elsewhere', () => {
    const issues = issuesOf(
      mutated((c) => {
        c.tiers[0].color = 'red';
        c.scorecards[0].measures[0].metric = 'loginz';
        c.metrics[1].key = 'logins';
      }),
    );
    expect(issues.map((i) => i.path)).toEqual(['tiers[0].color', 'metrics[1].key', 'scorecards[0].measures[0].metric']);
  });

  it('reports a zero total weight', () => {
    const issues = issuesOf(mutated((c) => (c.scorecards[0].measures[0].weight = 0)));
    expect(issues).toContainEqual({ path: 'scorecards[0].measures', message: expect.stringMatching(/^total weight is 0/) });
  });

  it('checks that the scoring function fits the metric kind', () => {
    const issues = issuesOf(mutated((c) => (c.scorecards[0].measures[0] = { metric: 'mood', type: 'linear', min: 0, max: 1 })));
    expect(issues).toContainEqual({ path: 'scorecards[0].measures[0].type', message: expect.stringContaining('cannot score metric "mood" of kind "category"') });
  });

  it('keeps weighted action values on the 0–100 scale', () => {
    const issues = issuesOf(mutated((c) => (c.scorecards[0].measures[0].bands[0].value = -5)));
    expect(issues).toContainEqual({ path: 'scorecards[0].measures[0].bands[0].value', message: expect.stringContaining('within 0–100') });
  });

  it('needs exactly one default scorecard', () => {
    const none = issuesOf(mutated((c) => (c.scorecards[0].when = [{ attribute: 'plan', equals: 'x' }])));
    expect(none.map((i) => i.path)).toEqual(['scorecards']);
    const two = issuesOf(mutated((c) => c.scorecards.push({ key: 'other', label: 'Other', measures: [LOGIN_BANDS] })));
    expect(two.map((i) => i.path)).toEqual(['scorecards[1].when']);
  });

  it('checks groups: every measure in a known group, no empty group', () => {
    const issues = issuesOf(
      mutated((c) => {
        c.scorecards[0].groups = [{ key: 'usage', label: 'Usage', weight: 1 }, { key: 'empty', label: 'Empty', weight: 1 }];
        c.scorecards[0].measures.push({ ...LOGIN_BANDS, key: 'second', group: 'usgae' });
      }),
    );
    // The first measure has no group, which also leaves group "usage" empty.
    expect(issues.map((i) => i.path).sort()).toEqual([
      'scorecards[0].groups[0]',
      'scorecards[0].groups[1]',
      'scorecards[0].measures[0].group',
      'scorecards[0].measures[1].group',
    ]);
  });

  it('checks conditions: one subject, one operator, a valid pattern, segment rules on attributes only', () => {
    const issues = issuesOf(
      mutated((c) => {
        c.scorecards.unshift({ key: 'seg', label: 'Seg', when: [{ metric: 'logins', range: { min: 1 } }], measures: [LOGIN_BANDS] });
        c.flags = [
          { key: 'a', label: 'A', when: [{ attribute: 'plan', metric: 'logins', exists: true }] },
          { key: 'b', label: 'B', when: [{ attribute: 'plan' }] },
          { key: 'c', label: 'C', when: [{ attribute: 'industry', pattern: '(' }] },
          { key: 'd', label: 'D', when: [{ metric: 'mood', range: { min: 1 } }] },
          { key: 'e', label: 'E', when: [{ metric: 'mood', equals: 'blue' }] },
        ];
      }),
    );
    const flagIssues = validateConfig(mutated((c) => (c.flags = [
      { key: 'd', label: 'D', when: [{ metric: 'mood', range: { min: 1 } }] },
      { key: 'e', label: 'E', when: [{ metric: 'mood', equals: 'blue' }] },
    ])));
    expect(issues.map((i) => i.path)).toEqual(['flags[0].when[0]', 'flags[1].when[0]', 'flags[2].when[0].pattern']);
    expect(flagIssues.ok ? [] : flagIssues.issues.map((i) => i.path)).toEqual(['flags[0].when[0].range', 'flags[1].when[0].equals']);
    const segment = issuesOf(mutated((c) => c.scorecards.unshift({ key: 'seg', label: 'Seg', when: [{ metric: 'logins', range: { min: 1 } }], measures: [LOGIN_BANDS] })));
    expect(segment).toEqual([{ path: 'scorecards[0].when[0]', message: 'segment rules may only test account attributes' }]);
  });

  it('rejects unsafe action links', () => {
    const issues = issuesOf(mutated((c) => (c.tiers[0].actions[0].link = 'javascript:alert(1)')));
    expect(issues).toContainEqual({ path: 'tiers[0].actions[0].link', message: expect.stringContaining('https://') });
  });

  it('never returns NaN or Infinity as a config value', () => {
    expect(issuesOf(mutated((c) => (c.scorecards[0].measures[0].weight = Number.NaN)))[0]!.path).toBe('scorecards[0].measures[0].weight');
    expect(issuesOf(mutated((c) => (c.scorecards[0].measures[0].bands[0].lt = Infinity)))[0]!.path).toBe('scorecards[0].measures[0].bands[0].lt');
  });

  it('answers hostile input with an issue instead of throwing', () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('no access'); }, ownKeys: () => { throw new Error('no keys'); } });
    expect(issuesOf(hostile)).toEqual([{ path: 'config', message: 'could not be read: no access' }]);
    const cyclic: any = { schemaVersion: 1, name: 'x', version: '1' };
    cyclic.metrics = [cyclic];
    expect(issuesOf(cyclic).length).toBeGreaterThan(0);
    expect(issuesOf({ ...configInput(), metrics: Array.from({ length: 100_000 }, () => ({})) })).toContainEqual({ path: 'metrics', message: 'allows at most 200 items' });
  });
});
