// Segment rules (first match wins, default otherwise) and every rule operator.
import { describe, expect, it } from 'vitest';
import { config, LOGIN_BANDS, run } from './fixtures';
import type { AttributeValue } from '../../../lib/scoring/types';
import type { ScoringConfigInput } from '../../../lib/scoring/schema';

type Rule = NonNullable<ScoringConfigInput['scorecards'][number]['when']>[number];

/** Which scorecard an account with these attributes gets when the given rules are tried in order. */
function scorecardFor(rules: Rule[][], attributes: Record<string, AttributeValue>): string {
  const cfg = config(undefined, {
    scorecards: [
      ...rules.map((when, i) => ({ key: `seg${i}`, label: `Segment ${i}`, when, measures: [LOGIN_BANDS] })),
      { key: 'default', label: 'Default', measures: [LOGIN_BANDS] },
    ],
  });
  return run(cfg, { logins: 3 }, attributes).scorecard.key;
}

const matches = (rule: Rule, attributes: Record<string, AttributeValue>) => scorecardFor([[rule]], attributes) === 'seg0';

describe('segment scorecards', () => {
  const rules: Rule[][] = [[{ attribute: 'segment', equals: 'enterprise' }], [{ attribute: 'employees', range: { min: 500 } }]];

  it('takes the first scorecard whose rules all hold', () => {
    expect(scorecardFor(rules, { segment: 'enterprise', employees: 1000 })).toBe('seg0');
    expect(scorecardFor(rules, { segment: 'smb', employees: 1000 })).toBe('seg1');
  });

  it('falls back to the default and reports its key and label', () => {
    expect(scorecardFor(rules, { segment: 'smb', employees: 20 })).toBe('default');
    expect(scorecardFor(rules, {})).toBe('default');
  });

  it('needs every rule of a scorecard to hold', () => {
    const both: Rule[][] = [[{ attribute: 'plan', equals: 'enterprise' }, { attribute: 'region', equals: 'EMEA' }]];
    expect(scorecardFor(both, { plan: 'enterprise', region: 'emea' })).toBe('seg0');
    expect(scorecardFor(both, { plan: 'enterprise', region: 'APAC' })).toBe('default');
  });
});

describe('rule operators on attributes', () => {
  it('equals: texts ignore case and spaces, numbers match numeric texts', () => {
    expect(matches({ attribute: 'plan', equals: 'Growth' }, { plan: ' growth ' })).toBe(true);
    expect(matches({ attribute: 'plan', equals: 'growth' }, { plan: 'growthy' })).toBe(false);
    expect(matches({ attribute: 'employees', equals: 50 }, { employees: '50' })).toBe(true);
    expect(matches({ attribute: 'trial', equals: true }, { trial: true })).toBe(true);
    expect(matches({ attribute: 'trial', equals: true }, { trial: 'true' })).toBe(false);
    expect(matches({ attribute: 'plan', equals: 'growth' }, { plan: null })).toBe(false);
  });

  it('in: any listed value', () => {
    const rule: Rule = { attribute: 'plan', in: ['starter', 'growth'] };
    expect([matches(rule, { plan: 'STARTER' }), matches(rule, { plan: 'growth' }), matches(rule, { plan: 'enterprise' })]).toEqual([true, true, false]);
  });

  it('range: inclusive bounds by default, exclusive on request', () => {
    const inclusive: Rule = { attribute: 'employees', range: { min: 50, max: 500 } };
    expect([49, 50, 500, 501].map((employees) => matches(inclusive, { employees }))).toEqual([false, true, true, false]);
    const exclusive: Rule = { attribute: 'employees', range: { min: 50, max: 500, minInclusive: false, maxInclusive: false } };
    expect([50, 51, 499, 500].map((employees) => matches(exclusive, { employees }))).toEqual([false, true, true, false]);
    expect(matches(inclusive, { employees: 'many' })).toBe(false);
  });

  it('exists: present and not blank', () => {
    const rule: Rule = { attribute: 'owner', exists: true };
    expect([matches(rule, { owner: 'ana' }), matches(rule, { owner: '  ' }), matches(rule, { owner: null }), matches(rule, {})]).toEqual([true, false, false, false]);
    expect(matches({ attribute: 'owner', exists: false }, {})).toBe(true);
  });

  it('pattern: a case-insensitive regular expression', () => {
    const rule: Rule = { attribute: 'industry', pattern: '^fin(ance|tech)' };
    expect([matches(rule, { industry: 'FinTech' }), matches(rule, { industry: 'Finance' }), matches(rule, { industry: 'Refinance' }), matches(rule, {})]).toEqual([true, true, false, false]);
  });

  it('as daysUntil / daysSince: a date attribute in whole days from today (2025-06-02)', () => {
    const soon: Rule = { attribute: 'renewal_date', as: 'daysUntil', range: { max: 30 } };
    expect([matches(soon, { renewal_date: '2025-07-02' }), matches(soon, { renewal_date: '2025-07-03' }), matches(soon, { renewal_date: 20250702 })]).toEqual([true, false, false]);
    const old: Rule = { attribute: 'signed', as: 'daysSince', range: { min: 365 } };
    expect([matches(old, { signed: '2024-06-02' }), matches(old, { signed: '2024-06-03' })]).toEqual([true, false]); // 365 and 364 days
  });
});

describe('rule operators on metrics and the score (flags)', () => {
  const flagged = (when: Rule[], metrics: Record<string, string | number | boolean | null>) =>
    run(config([LOGIN_BANDS], { flags: [{ key: 'f', label: 'F', when }] }), metrics).flags.length === 1;

  it('compares numbers, booleans, categories and date metrics as the engine reads them', () => {
    expect(flagged([{ metric: 'logins', range: { min: 12 } }], { logins: 12 })).toBe(true);
    expect(flagged([{ metric: 'logins', range: { min: 12, minInclusive: false } }], { logins: 12 })).toBe(false);
    expect(flagged([{ metric: 'happy', equals: true }], { happy: true })).toBe(true);
    expect(flagged([{ metric: 'happy', equals: true }], { happy: false })).toBe(false);
    expect(flagged([{ metric: 'mood', in: ['red', 'yellow'] }], { mood: 'Yellow' })).toBe(true);
    expect(flagged([{ metric: 'mood', equals: 'red' }], { mood: 'green' })).toBe(false);
    expect(flagged([{ metric: 'seen', range: { min: 14 } }], { seen: '2025-05-19' })).toBe(true);
  });

  it('never lets a missing metric satisfy a rule, except exists: false', () => {
    expect(flagged([{ metric: 'logins', range: { max: 100 } }], {})).toBe(false);
    expect(flagged([{ metric: 'logins', exists: false }], {})).toBe(true);
    expect(flagged([{ metric: 'logins', exists: true }], { logins: 0 })).toBe(true);
  });

  it('tests the score, and never when there is none', () => {
    expect(flagged([{ score: true, range: { min: 50 } }], { logins: 3 })).toBe(true);
    expect(flagged([{ score: true, range: { min: 51 } }], { logins: 3 })).toBe(false);
    expect(flagged([{ score: true, range: { max: 100 } }], {})).toBe(false);
    expect(flagged([{ score: true, exists: false }], {})).toBe(true);
  });
});

describe('text comparison', () => {
  it('ignores case and spaces for ASCII and other scripts alike', () => {
    const rule: Rule = { attribute: 'region', equals: 'Zürich' };
    expect([matches(rule, { region: ' ZÜRICH\t' }), matches(rule, { region: 'zurich' }), matches(rule, { region: 'Zürich2' })]).toEqual([true, false, false]);
    expect(matches({ attribute: 'segment', equals: 'mid-market' }, { segment: '\u00a0Mid-Market ' })).toBe(true);
    expect(matches({ attribute: 'segment', equals: 'smb' }, { segment: 'smbx' })).toBe(false);
  });
});
