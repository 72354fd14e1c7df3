// Trend over 7 and 30 days, and alerts on drops and worse tiers.
import { describe, expect, it } from 'vitest';
import { detectAlerts, trend } from '../../../lib/scoring';
import type { HistoryPoint } from '../../../lib/scoring/types';
import { config, TODAY } from './fixtures';

const point = (day: string, score: number | null, tier: string | null = null): HistoryPoint => ({ day, score, tier });

describe('trend', () => {
  it('compares today with the closest scored point on or before 7 and 30 days ago', () => {
    const history = [point('2025-06-02', 70), point('2025-05-01', 50), point('2025-05-26', 60), point('2025-05-27', 99)];
    expect(trend(history, TODAY)).toEqual({ d7: 10, d30: 20 });
  });

  it('is null where history does not reach that far back', () => {
    expect(trend([point('2025-05-20', 40), point('2025-06-01', 55)], TODAY)).toEqual({ d7: 15, d30: null });
    expect(trend([], TODAY)).toEqual({ d7: null, d30: null });
  });

  it('skips points without a score and ignores unreadable days', () => {
    const history = [point('2025-06-02', 70), point('2025-05-26', null), point('2025-05-24', 65), point('someday', 10)];
    expect(trend(history, TODAY)).toEqual({ d7: 5, d30: null });
  });

  it('uses the latest point on or before today as the current score', () => {
    expect(trend([point('2025-06-05', 10), point('2025-06-01', 70), point('2025-05-20', 60)], TODAY).d7).toBe(10);
  });
});

describe('detectAlerts', () => {
  const cfg = config(undefined, { alerts: { drop: { points: 10, days: 7 }, tierChange: true } });

  it('raises a drop of at least N points from the highest score within D days', () => {
    const alerts = detectAlerts(cfg, { score: 72, tier: 'green' }, { score: 68, tier: 'green' }, [point('2025-05-28', 80), point('2025-05-30', 75)], TODAY);
    expect(alerts).toEqual([{ kind: 'drop', text: 'Score dropped 12 points within 7 days (from 80 to 68)', points: 12, days: 7, from: 80, to: 68 }]);
  });

  it('ignores older peaks and smaller drops', () => {
    expect(detectAlerts(cfg, null, { score: 68, tier: 'green' }, [point('2025-05-25', 90)], TODAY)).toEqual([]);
    expect(detectAlerts(cfg, { score: 77, tier: 'green' }, { score: 68, tier: 'green' }, [], TODAY)).toEqual([]);
  });

  it('counts the previous result as part of the window', () => {
    expect(detectAlerts(cfg, { score: 78, tier: 'green' }, { score: 68, tier: 'green' }, [], TODAY).map((a) => a.kind)).toEqual(['drop']);
  });

  it('raises a move to a worse tier, not to a better one', () => {
    expect(detectAlerts(cfg, { score: 61, tier: 'green' }, { score: 58, tier: 'amber' }, [], TODAY)).toEqual([
      { kind: 'tier-worse', text: 'Tier fell from Healthy to Needs attention', from: expect.objectContaining({ key: 'green', label: 'Healthy' }), to: expect.objectContaining({ key: 'amber', label: 'Needs attention' }) },
    ]);
    expect(detectAlerts(cfg, { score: 58, tier: 'amber' }, { score: 61, tier: 'green' }, [], TODAY)).toEqual([]);
    expect(detectAlerts(cfg, null, { score: null, tier: null }, [], TODAY)).toEqual([]);
  });

  it('stays quiet when the config does not ask for alerts', () => {
    const quiet = config();
    expect(detectAlerts(quiet, { score: 90, tier: 'green' }, { score: 10, tier: 'red' }, [], TODAY)).toEqual([]);
  });
});
