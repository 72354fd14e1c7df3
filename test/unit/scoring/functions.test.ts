// Every scoring function, at and around its boundaries.
import { describe, expect, it } from 'vitest';
import { actionOf, config, run } from './fixtures';

describe('bands', () => {
  const bands = { metric: 'logins', type: 'bands' as const, bands: [{ lt: 2, value: 0 }, { lte: 5, value: 50 }, { value: 100 }] };

  it('puts a value below an exclusive threshold in the band, and the threshold itself in the next', () => {
    expect(actionOf(bands, 1.99)).toBe(0);
    expect(actionOf(bands, 2)).toBe(50);
  });

  it('keeps the threshold of an inclusive band in that band', () => {
    expect(actionOf(bands, 5)).toBe(50);
    expect(actionOf(bands, 5.01)).toBe(100);
  });

  it('sends everything above the last threshold to the last band and everything below to the first', () => {
    expect(actionOf(bands, 1e9)).toBe(100);
    expect(actionOf(bands, -40)).toBe(0);
  });

  it('lets "lt x" followed by "lte x" hold exactly x', () => {
    const exact = { metric: 'logins', type: 'bands' as const, bands: [{ lt: 5, value: 10 }, { lte: 5, value: 20 }, { value: 30 }] };
    expect([actionOf(exact, 4.9), actionOf(exact, 5), actionOf(exact, 5.1)]).toEqual([10, 20, 30]);
  });

  it('reads a date metric as whole days since the date', () => {
    const recency = { metric: 'seen', type: 'bands' as const, bands: [{ lte: 7, value: 100 }, { lte: 14, value: 50 }, { value: 0 }] };
    expect(actionOf(recency, '2025-05-26')).toBe(100); // 7 days before 2025-06-02
    expect(actionOf(recency, '2025-05-25')).toBe(50); // 8 days
    expect(actionOf(recency, '2025-05-19T23:59:00Z')).toBe(50); // 14 calendar days, whatever the hour
    expect(actionOf(recency, '2025-05-18')).toBe(0);
  });

  it('takes a number for a date metric as days already, and a future date as today', () => {
    const recency = { metric: 'seen', type: 'bands' as const, bands: [{ lte: 7, value: 100 }, { value: 0 }] };
    expect(actionOf(recency, 8)).toBe(0);
    expect(actionOf(recency, '2025-07-01')).toBe(100);
  });
});

describe('linear', () => {
  const linear = { metric: 'adoption', type: 'linear' as const, min: 10, max: 60 };

  it('maps min to 0, max to 100 and interpolates between', () => {
    expect([actionOf(linear, 10), actionOf(linear, 35), actionOf(linear, 60)]).toEqual([0, 50, 100]);
  });

  it('clamps outside the range by default', () => {
    expect([actionOf(linear, 0), actionOf(linear, 95)]).toEqual([0, 100]);
  });

  it('extrapolates without clamp, and the final score is still clamped to 100', () => {
    const result = run(config([{ ...linear, clamp: false }]), { adoption: 70 });
    expect(result.explanation.measures[0]!.actionValue).toBe(120);
    expect(result.score).toBe(100);
  });

  it('keeps extrapolated action values within ±1000, so huge inputs stay finite', () => {
    const result = run(config([{ ...linear, clamp: false }]), { adoption: -1.7e306 });
    expect(result.explanation.measures[0]!.actionValue).toBe(-1000);
    expect(result.explanation.total).toBe(-1000);
    expect(result.score).toBe(0);
  });

  it('inverts on request', () => {
    expect(actionOf({ ...linear, invert: true }, 20)).toBe(80);
  });

  it('inverts by default for a metric where lower is better, unless told otherwise', () => {
    const tickets = { metric: 'tickets', type: 'linear' as const, min: 0, max: 10 };
    expect(actionOf(tickets, 2)).toBe(80);
    expect(actionOf({ ...tickets, invert: false }, 2)).toBe(20);
  });
});

describe('boolean', () => {
  const happy = { metric: 'happy', type: 'boolean' as const, ifTrue: 100, ifFalse: 20 };

  it('maps true and false', () => {
    expect([actionOf(happy, true), actionOf(happy, false)]).toEqual([100, 20]);
  });

  it('accepts "true"/"false" texts and treats anything else as invalid', () => {
    expect(actionOf(happy, 'true')).toBe(100);
    const result = run(config([happy]), { happy: 'maybe' });
    expect(result.explanation.measures[0]).toMatchObject({ actionValue: null, missing: 'invalid' });
  });
});

describe('category', () => {
  const mood = { metric: 'mood', type: 'category' as const, map: { green: 100, yellow: 50, red: 0 } };

  it('maps categories ignoring case and surrounding spaces', () => {
    expect([actionOf(mood, ' Green '), actionOf(mood, 'YELLOW'), actionOf(mood, 'red')]).toEqual([100, 50, 0]);
  });

  it('treats an unmapped category as invalid, or as "otherwise" when given', () => {
    expect(run(config([mood]), { mood: 'purple' }).explanation.measures[0]).toMatchObject({ actionValue: null, missing: 'invalid', raw: 'purple' });
    expect(actionOf({ ...mood, otherwise: 25 }, 'purple')).toBe(25);
  });
});

describe('points', () => {
  const points = { metric: 'logins', type: 'points' as const, neutral: 5, perUnit: 4, minPoints: -20, maxPoints: 30 };

  it('adds points to the neutral 50 in a weighted scorecard', () => {
    expect([actionOf(points, 5), actionOf(points, 10), actionOf(points, 0)]).toEqual([50, 70, 30]);
  });

  it('caps the points at minPoints and maxPoints', () => {
    expect([actionOf(points, 20), actionOf(points, -100)]).toEqual([80, 30]);
  });

  it('stays within 0–100 in a weighted scorecard even without caps', () => {
    const uncapped = { metric: 'logins', type: 'points' as const, neutral: 0, perUnit: 10 };
    expect([actionOf(uncapped, 100), actionOf(uncapped, -100)]).toEqual([100, 0]);
  });

  it('gives the points themselves in an additive scorecard', () => {
    const cfg = config(undefined, {
      scorecards: [{ key: 'add', label: 'Additive', formula: 'additive', baseline: 50, measures: [points] }],
    });
    const result = run(cfg, { logins: 10 });
    expect(result.explanation.measures[0]!.actionValue).toBe(20);
    expect(result.score).toBe(70);
  });
});
