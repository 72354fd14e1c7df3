// scoreAccount: aggregation, missing data, coverage, explanation, overrides, flags and actions.
import { describe, expect, it } from 'vitest';
import { scoreAccount, validateOverride } from '../../../lib/scoring';
import { account, config, LOGIN_BANDS, NOW, run, value } from './fixtures';

const ADOPTION = { metric: 'adoption', type: 'linear' as const, min: 0, max: 100 };
const twoMeasures = (missing?: 'skip' | 'neutral' | 'zero', minCoverage = 0) =>
  config([{ ...LOGIN_BANDS, weight: 3, ...(missing ? { missing } : {}) }, ADOPTION], { missing: { minCoverage } });

describe('weighted average', () => {
  it('averages action values by weight and reports full coverage', () => {
    const result = run(twoMeasures(), { logins: 6, adoption: 40 });
    expect(result.explanation.total).toBeCloseTo((3 * 100 + 40) / 4, 10);
    expect(result.score).toBe(85);
    expect(result.tier?.key).toBe('green');
    expect(result.coverage).toBe(1);
    expect(result.status).toBe('scored');
  });

  it('rounds half up before the tier lookup: 59.5 is 60 and healthy, 59.4 is 59', () => {
    const cfg = config([ADOPTION]);
    expect(run(cfg, { adoption: 59.5 })).toMatchObject({ score: 60, tier: { key: 'green' } });
    expect(run(cfg, { adoption: 59.4 })).toMatchObject({ score: 59, tier: { key: 'amber' } });
  });

  it('averages groups by group weight, measures within a group by measure weight', () => {
    const grouped = config(undefined, {
      scorecards: [
        {
          key: 'grouped',
          label: 'Grouped',
          groups: [{ key: 'usage', label: 'Usage', weight: 3 }, { key: 'support', label: 'Support', weight: 1 }],
          measures: [
            { ...LOGIN_BANDS, group: 'usage', weight: 1 },
            { ...ADOPTION, group: 'usage', weight: 3 },
            { metric: 'tickets', type: 'linear', min: 0, max: 10, group: 'support' },
          ],
        },
      ],
    });
    const result = run(grouped, { logins: 0, adoption: 80, tickets: 5 });
    // usage = (1×0 + 3×80)/4 = 60; support = 50 (5 of 10 tickets, inverted); total = (3×60 + 1×50)/4
    expect(result.explanation.total).toBeCloseTo(57.5, 10);
    expect(result.explanation.measures.map((m) => m.effectiveWeight)).toEqual([0.1875, 0.5625, 0.25]);
    expect(result.explanation.measures[0]!.group).toBe('Usage');
  });
});

describe('missing data', () => {
  it('skips a missing measure and re-weights the rest (default)', () => {
    const result = run(twoMeasures(), { adoption: 40 });
    expect(result.score).toBe(40);
    expect(result.coverage).toBe(0.25);
    expect(result.explanation.measures.map((m) => [m.missing, m.actionValue, m.effectiveWeight])).toEqual([
      ['absent', null, 0],
      [undefined, 40, 1],
    ]);
  });

  it('counts a missing measure as the neutral value when told to', () => {
    const result = run(twoMeasures('neutral'), { adoption: 40 });
    expect(result.explanation.total).toBeCloseTo((3 * 50 + 40) / 4, 10);
    expect(result.score).toBe(48);
    expect(result.coverage).toBe(0.25);
  });

  it('counts a missing measure as zero when told to', () => {
    expect(run(twoMeasures('zero'), { adoption: 40 }).score).toBe(10);
  });

  it('says "insufficient" below the minimum coverage, with no score or tier', () => {
    const result = run(twoMeasures(undefined, 0.5), { adoption: 40 });
    expect(result).toMatchObject({ status: 'insufficient', score: null, tier: null, coverage: 0.25 });
    expect(run(twoMeasures(undefined, 0.25), { adoption: 40 }).status).toBe('scored');
  });

  it('says "insufficient" when nothing at all is known', () => {
    expect(run(twoMeasures(), {})).toMatchObject({ status: 'insufficient', score: null, coverage: 0 });
  });

  it('treats NaN, Infinity, wrong types and empty texts as missing, never as numbers', () => {
    for (const bad of [Number.NaN, Infinity, -Infinity, 'lots', true, '']) {
      const result = run(twoMeasures(), { logins: bad as never, adoption: 40 });
      expect(result.score).toBe(40);
      expect(result.explanation.measures[0]!.missing).toBe(bad === '' ? 'absent' : 'invalid');
      expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity/);
    }
  });

  it('accepts a numeric text as a number', () => {
    expect(run(twoMeasures(), { logins: ' 6 ', adoption: 40 }).score).toBe(85);
  });

  it('treats values older than maxAgeDays as stale, and an unreadable asOf as invalid', () => {
    const cfg = config([{ metric: 'seen', type: 'bands', bands: [{ lte: 7, value: 100 }, { value: 0 }] }, ADOPTION]);
    const metrics = (asOf: string) => ({ seen: value('2025-05-30', asOf), adoption: value(40) });
    const score = (asOf: string) => scoreAccount(cfg, account(), metrics(asOf), { now: NOW }).explanation.measures[0]!.missing;
    expect(score('2025-05-03')).toBeUndefined(); // 30 days old: still fresh
    expect(score('2025-05-02')).toBe('stale'); // 31 days
    expect(score('last week')).toBe('invalid');
  });

  it('tolerates a missing attributes object and missing metrics object', () => {
    const cfg = twoMeasures();
    const result = scoreAccount(cfg, { id: 'x', name: 'X' } as never, null as never, { now: NOW });
    expect(result).toMatchObject({ accountId: 'x', status: 'insufficient', score: null });
  });
});

describe('additive formula', () => {
  const additive = (measures: object[]) =>
    config(undefined, { scorecards: [{ key: 'pts', label: 'Points', formula: 'additive', baseline: 50, measures: measures as never }] });
  const seatBands = { metric: 'logins', type: 'bands' as const, bands: [{ lt: 2, value: -20 }, { lt: 6, value: 0 }, { value: 15 }] };
  const happy = { metric: 'happy', type: 'boolean' as const, ifTrue: 10, ifFalse: -5 };

  it('adds points to the baseline', () => {
    const result = run(additive([seatBands, happy]), { logins: 8, happy: true });
    expect(result.score).toBe(75);
    expect(result.explanation).toMatchObject({ baseline: 50, total: 75 });
  });

  it('multiplies points by the weight', () => {
    expect(run(additive([{ ...seatBands, weight: 2 }, happy]), { logins: 8, happy: false }).score).toBe(75);
  });

  it('clamps the sum to the scale', () => {
    const result = run(additive([{ ...seatBands, weight: 4 }]), { logins: 0 });
    expect(result.explanation.total).toBe(-30);
    expect(result.score).toBe(0);
  });

  it('adds nothing for a missing measure', () => {
    expect(run(additive([seatBands, happy]), { happy: true }).score).toBe(60);
  });
});

describe('explanation', () => {
  it('has contributions that add up to the total, and the total rounds to the score', () => {
    const result = run(config([{ ...LOGIN_BANDS, weight: 2 }, ADOPTION, { metric: 'mood', type: 'category', map: { green: 100, red: 10 } }]), {
      logins: 3,
      adoption: 37,
      mood: 'red',
    });
    const sum = result.explanation.measures.reduce((s, m) => s + m.contribution, 0);
    expect(sum).toBeCloseTo(result.explanation.total!, 10);
    expect(Math.round(sum)).toBe(result.score);
    expect(result.explanation.measures.reduce((s, m) => s + m.effectiveWeight, 0)).toBeCloseTo(1, 12);
  });

  it('reports the raw value as scored: days for dates, text for categories', () => {
    const result = run(config([{ metric: 'seen', type: 'linear', min: 0, max: 30 }, { metric: 'mood', type: 'category', map: { green: 100 } }]), {
      seen: '2025-05-23',
      mood: 'Green',
    });
    expect(result.explanation.measures.map((m) => m.raw)).toEqual([10, 'Green']);
  });

  it('names the top drivers up and down with signed points', () => {
    const result = run(config([LOGIN_BANDS, ADOPTION, { metric: 'happy', type: 'boolean', ifTrue: 100, ifFalse: 0 }]), {
      logins: 9,
      adoption: 20,
      happy: false,
    });
    // each weight 1/3: logins 100 → +16.7, adoption 20 → −10, happy 0 → −16.7
    expect(result.explanation.driversUp.map((d) => d.key)).toEqual(['logins']);
    expect(result.explanation.driversDown.map((d) => d.key)).toEqual(['happy', 'adoption']);
    expect(result.explanation.driversUp[0]!.impact).toBeCloseTo(50 / 3, 10);
    expect(result.explanation.driversUp[0]!.text).toBe('Weekly logins: 9 logins (+16.7 points)');
    expect(result.explanation.driversDown[1]!.text).toBe('Adoption: 20% (-10 points)');
  });
});

describe('overrides', () => {
  const cfg = twoMeasures();
  const metrics = { logins: 6, adoption: 40 }; // computed 85, green
  const base = { reason: 'Exec sponsor left', author: 'ana@vendor.com', createdAt: '2025-06-01T00:00:00Z', expiresAt: '2025-07-01T00:00:00Z' };

  it('replaces the score and tier until it expires, and says by whom, why and until when', () => {
    const result = run(cfg, metrics, {}, { override: { ...base, value: 30 } });
    expect(result).toMatchObject({ score: 30, tier: { key: 'red' }, status: 'scored' });
    expect(result.override).toEqual({ author: base.author, reason: base.reason, expiresAt: base.expiresAt, computedScore: 85, computedTier: { key: 'green', label: 'Healthy', color: '#1e8e3e' } });
  });

  it('lets the computed score return by itself after expiry', () => {
    const result = run(cfg, metrics, {}, { override: { ...base, value: 30 }, now: new Date('2025-07-01T00:00:00Z') });
    expect(result).toMatchObject({ score: 85, tier: { key: 'green' }, override: null });
  });

  it('can set a tier only, keeping the computed score', () => {
    expect(run(cfg, metrics, {}, { override: { ...base, tier: 'amber' } })).toMatchObject({ score: 85, tier: { key: 'amber' } });
  });

  it('gives a score to an account with too little data', () => {
    const result = run(twoMeasures(undefined, 0.9), { adoption: 40 }, {}, { override: { ...base, value: 70 } });
    expect(result).toMatchObject({ status: 'insufficient', score: 70, tier: { key: 'green' }, override: { computedScore: null } });
  });

  it('is ignored without a reason, and validateOverride says why', () => {
    const noReason = { ...base, reason: '  ', value: 30 };
    expect(run(cfg, metrics, {}, { override: noReason }).override).toBeNull();
    expect(validateOverride(cfg, noReason)).toEqual([{ path: 'override.reason', message: expect.stringContaining('is required') }]);
    expect(validateOverride(cfg, { ...base, value: 30, tier: 'red' }).map((i) => i.path)).toEqual(['override.value']);
    expect(validateOverride(cfg, { ...base, tier: 'purple' }).map((i) => i.path)).toEqual(['override.tier']);
    expect(validateOverride(cfg, { ...base, value: 101, expiresAt: 'soon' }).map((i) => i.path)).toEqual(['override.value', 'override.expiresAt']);
    expect(validateOverride(cfg, null)).toHaveLength(1);
  });
});

describe('flags and actions', () => {
  const cfg = config([LOGIN_BANDS], {
    tiers: [
      { key: 'low', label: 'Low', color: '#d93025', min: 0, max: 59, actions: [{ title: 'Call them' }] },
      { key: 'high', label: 'High', color: '#1e8e3e', min: 60, max: 100, actions: [{ title: 'Share results' }, { title: 'Ask for a review' }] },
    ],
    flags: [
      { key: 'power', label: 'Power user', when: [{ metric: 'logins', range: { min: 12 } }], actions: [{ title: 'Ask for a review' }, { title: 'Invite to beta' }] },
      { key: 'expansion', label: 'Expansion', when: [{ metric: 'adoption', range: { min: 90 } }, { score: true, range: { min: 70 } }], actions: [{ title: 'Offer seats' }] },
      { key: 'renewal', label: 'Renewal soon', when: [{ attribute: 'renewal_date', as: 'daysUntil', range: { min: 0, max: 60 } }] },
    ],
  });

  it('lists the flags that hold, with tier actions first and duplicates removed by title', () => {
    const result = run(cfg, { logins: 12, adoption: 95 }, { renewal_date: '2025-08-01' });
    expect(result.flags.map((f) => f.key)).toEqual(['power', 'expansion', 'renewal']);
    expect(result.actions.map((a) => a.title)).toEqual(['Share results', 'Ask for a review', 'Invite to beta', 'Offer seats']);
  });

  it('needs every condition of a flag', () => {
    const lowScore = run(cfg, { logins: 1, adoption: 95 });
    expect(lowScore.flags.map((f) => f.key)).toEqual([]);
  });

  it('reads "renewal within 60 days" in whole days, today and day 60 included', () => {
    const flagged = (date: string) => run(cfg, { logins: 1 }, { renewal_date: date }).flags.some((f) => f.key === 'renewal');
    expect([flagged('2025-06-02'), flagged('2025-08-01'), flagged('2025-08-02'), flagged('2025-06-01'), flagged('not a date')]).toEqual([true, true, false, false, false]);
  });

  it('tests score rules against the final (overridden) score', () => {
    const override = { value: 90, reason: 'Big deal signed', author: 'ana', createdAt: '2025-06-01', expiresAt: '2025-12-31' };
    expect(run(cfg, { logins: 1, adoption: 95 }, {}, { override }).flags.map((f) => f.key)).toEqual(['expansion']);
  });
});
