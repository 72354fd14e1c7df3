// The shipped presets validate, use the agreed metric keys, and score a sample account the same way every time.
import { describe, expect, it } from 'vitest';
import { scoreAccount } from '../../../lib/scoring';
import defaultPreset from '../../../public/presets/default.json';
import segmented from '../../../public/presets/segmented.json';
import { account, NOW, SAMPLE_METRICS, validOrThrow } from './fixtures';

const METRIC_KEYS = ['logins_per_week', 'feature_adoption_pct', 'active_seats_pct', 'setup_completion_pct', 'integrations', 'nps', 'csm_sentiment', 'open_tickets', 'days_past_due', 'last_login'];

describe.each([
  ['default', defaultPreset],
  ['segmented', segmented],
])('%s preset', (_, preset) => {
  const cfg = validOrThrow(preset);

  it('uses exactly the demo dataset’s metric keys', () => {
    expect(cfg.metrics.map((m) => m.key).sort()).toEqual([...METRIC_KEYS].sort());
  });

  it('ships the four default tiers and the agreed flags and alerts', () => {
    expect(cfg.tiers.map((t) => [t.key, t.min, t.max])).toEqual([
      ['at_risk', 0, 39],
      ['needs_attention', 40, 59],
      ['healthy', 60, 79],
      ['champion', 80, 100],
    ]);
    expect(cfg.tiers.every((t) => t.actions.length >= 2 && t.actions.length <= 3)).toBe(true);
    expect(cfg.flags.map((f) => f.key)).toEqual(['expansion_opportunity', 'power_user', 'renewal_soon', 'billing_risk']);
    expect(cfg.alerts).toEqual({ drop: { points: 10, days: 7 }, tierChange: true });
    expect(cfg.missing.minCoverage).toBe(0.5);
  });

  it('scores the sample account deterministically, with every metric used', () => {
    const score = () => scoreAccount(cfg, account({ segment: 'mid-market', renewal_date: '2025-07-15' }), SAMPLE_METRICS, { now: NOW });
    const first = score();
    expect(first.status).toBe('scored');
    expect(first.coverage).toBe(1);
    expect(first.score).toBeGreaterThanOrEqual(0);
    expect(first.flags.map((f) => f.key)).toEqual(['renewal_soon']);
    expect(JSON.stringify(score())).toBe(JSON.stringify(first));
  });
});

describe('segmented preset', () => {
  const cfg = validOrThrow(segmented);
  const scorecardOf = (segment: string | null) => scoreAccount(cfg, account({ segment }), SAMPLE_METRICS, { now: NOW }).scorecard.key;

  it('picks the Enterprise and SMB scorecards by segment, the default otherwise', () => {
    expect([scorecardOf('enterprise'), scorecardOf('SMB'), scorecardOf('mid-market'), scorecardOf(null)]).toEqual(['enterprise', 'smb', 'default', 'default']);
  });

  it('scores the same account differently per segment (additive SMB vs weighted Enterprise)', () => {
    const smb = scoreAccount(cfg, account({ segment: 'smb' }), SAMPLE_METRICS, { now: NOW });
    expect(smb.explanation.baseline).toBe(50);
    const enterprise = scoreAccount(cfg, account({ segment: 'enterprise' }), SAMPLE_METRICS, { now: NOW });
    expect(enterprise.explanation.baseline).toBe(0);
    expect(smb.explanation.measures.map((m) => m.actionValue)).not.toEqual(enterprise.explanation.measures.map((m) => m.actionValue));
  });
});
