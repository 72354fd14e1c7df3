import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_BACKOFF_MINUTES, nextAttemptAt } from '../../../lib/data/sync';

const at = new Date('2024-10-16T12:00:00Z');
const minutesAfter = (date: Date) => (date.getTime() - at.getTime()) / 60_000;

describe('nextAttemptAt', () => {
  it('waits one schedule after a success, without jitter', () => {
    expect(nextAttemptAt(at, 0, 60, () => 0.99).toISOString()).toBe('2024-10-16T13:00:00.000Z');
  });

  it('doubles the wait with each failure: 1, 2, 4, 8 … minutes at the top of the jitter range', () => {
    const top = () => 1;
    expect([1, 2, 3, 4, 5].map((n) => minutesAfter(nextAttemptAt(at, n, 60, top)))).toEqual([1, 2, 4, 8, 16]);
  });

  it('takes half the wait at the bottom of the jitter range', () => {
    expect(minutesAfter(nextAttemptAt(at, 4, 60, () => 0))).toBe(4);
  });

  it('caps the wait at 6 hours however many failures', () => {
    expect(minutesAfter(nextAttemptAt(at, 10, 60, () => 1))).toBe(MAX_BACKOFF_MINUTES);
    expect(minutesAfter(nextAttemptAt(at, 5000, 60, () => 1))).toBe(360);
  });

  it('stays within [half, full] of the backoff for any jitter draw', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (failures, r) => {
        const full = Math.min(360, 2 ** (failures - 1));
        const wait = minutesAfter(nextAttemptAt(at, failures, 60, () => r));
        expect(wait).toBeGreaterThanOrEqual(full / 2);
        expect(wait).toBeLessThanOrEqual(full);
      }),
    );
  });
});
