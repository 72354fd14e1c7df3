import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../lib/data/backtest/random';
import { binomial, resampleCounts } from '../../../lib/data/backtest/sampling';

function moments(draw: () => number, count: number) {
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < count; i++) {
    const x = draw();
    sum += x;
    sumSquares += x * x;
  }
  const mean = sum / count;
  return { mean, variance: sumSquares / count - mean * mean };
}

describe('binomial', () => {
  // Both regimes: waiting times (n·p < 10) and BTRS (n·p ≥ 10), and p above ½ (mirrored).
  const cases: [number, number][] = [
    [20, 0.1],
    [1000, 0.004],
    [200, 0.3],
    [100_000, 0.37],
    [5000, 0.92],
  ];
  it.each(cases)('n = %i, p = %f has mean n·p and variance n·p·(1 − p)', (n, p) => {
    const random = seededRandom(n);
    const draws = 20_000;
    const { mean, variance } = moments(() => binomial(n, p, random), draws);
    const expectedVariance = n * p * (1 - p);
    // Five standard errors of the sample mean; the sample variance within 6%.
    expect(Math.abs(mean - n * p)).toBeLessThan(5 * Math.sqrt(expectedVariance / draws));
    expect(variance / expectedVariance).toBeGreaterThan(0.94);
    expect(variance / expectedVariance).toBeLessThan(1.06);
  });

  it('stays within 0…n and handles the edges', () => {
    const random = seededRandom(1);
    for (let i = 0; i < 2000; i++) {
      const k = binomial(30, 0.5, random);
      expect(Number.isInteger(k) && k >= 0 && k <= 30).toBe(true);
    }
    expect(binomial(0, 0.5, random)).toBe(0);
    expect(binomial(10, 0, random)).toBe(0);
    expect(binomial(10, 1, random)).toBe(10);
  });
});

describe('resampleCounts', () => {
  it('draws as many as there are members, never into an empty group, each group n_g on average', () => {
    const members = Uint32Array.from([5, 0, 300, 1, 694]);
    const out = new Uint32Array(members.length);
    const totals = new Float64Array(members.length);
    const random = seededRandom(9);
    const replicates = 4000;
    for (let b = 0; b < replicates; b++) {
      resampleCounts(members, out, random);
      expect(out.reduce((a, c) => a + c, 0)).toBe(1000);
      expect(out[1]).toBe(0);
      out.forEach((count, g) => (totals[g]! += count));
    }
    members.forEach((n, g) => {
      const standardError = Math.sqrt((n * (1 - n / 1000)) / replicates);
      expect(Math.abs(totals[g]! / replicates - n)).toBeLessThanOrEqual(5 * standardError + 1e-9);
    });
  });
});
