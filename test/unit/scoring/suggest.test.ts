// The smallest single-measure change that reaches the next tier up.
import { describe, expect, it } from 'vitest';
import { config, LOGIN_BANDS, run } from './fixtures';

const ADOPTION = { metric: 'adoption', type: 'linear' as const, min: 0, max: 100 };

describe('next tier suggestion', () => {
  it('picks the change that is smallest relative to its measure’s scale', () => {
    // logins 1 → 0 and adoption 40 → 40: total 20 (at risk). Logins 2 lifts it to 45; adoption would need 80.
    const next = run(config([LOGIN_BANDS, ADOPTION]), { logins: 1, adoption: 40 }).explanation.nextTier;
    expect(next).toMatchObject({ tier: { key: 'amber' }, metric: 'logins', from: 1, to: 2, text: 'raise weekly logins from 1 to 2 logins' });
  });

  it('finds the first value on a linear scale, in steps of the metric', () => {
    const next = run(config([ADOPTION]), { adoption: 31 }).explanation.nextTier;
    expect(next).toMatchObject({ metric: 'adoption', from: 31, to: 40, text: 'raise adoption from 31% to 40%' });
  });

  it('lowers a metric where lower is better', () => {
    const next = run(config([{ metric: 'tickets', type: 'linear', min: 0, max: 10 }]), { tickets: 8 }).explanation.nextTier;
    expect(next).toMatchObject({ from: 8, to: 6, text: 'lower open tickets from 8 to 6' });
  });

  it('flips a boolean or moves a category when that is what it takes', () => {
    const happy = run(config([{ metric: 'happy', type: 'boolean', ifTrue: 100, ifFalse: 0 }]), { happy: false }).explanation.nextTier;
    expect(happy).toMatchObject({ from: false, to: true, text: 'change happy from no to yes' });
    const mood = run(config([{ metric: 'mood', type: 'category', map: { red: 0, yellow: 45, green: 100 } }]), { mood: 'Red' }).explanation.nextTier;
    expect(mood).toMatchObject({ from: 'red', to: 'yellow', text: 'move mood from red to yellow' });
  });

  it('suggests recording a missing value when only that helps', () => {
    const cfg = config([LOGIN_BANDS, { ...ADOPTION, missing: 'zero' }]);
    const result = run(cfg, { logins: 6 }); // 100 and a missing 0 → 50; 59.5 needs adoption 19, in steps of 5: 20
    expect(result.explanation.nextTier).toMatchObject({ metric: 'adoption', from: null, to: 20, text: 'record adoption (no data now) at 20%' });
  });

  it('actually reaches the tier it names', () => {
    const cfg = config([LOGIN_BANDS, ADOPTION, { metric: 'tickets', type: 'bands', bands: [{ lte: 2, value: 100 }, { lte: 6, value: 50 }, { value: 0 }] }]);
    const before = run(cfg, { logins: 3, adoption: 20, tickets: 9 });
    const next = before.explanation.nextTier!;
    const after = run(cfg, { logins: 3, adoption: 20, tickets: 9, [next.metric]: next.to });
    expect(after.tier?.key).toBe(next.tier.key);
  });

  it('is null in the top tier, without a score, or when no single change is enough', () => {
    expect(run(config([ADOPTION]), { adoption: 90 }).explanation.nextTier).toBeNull();
    expect(run(config([ADOPTION]), {}).explanation.nextTier).toBeNull();
    const many = config([LOGIN_BANDS, ADOPTION, { metric: 'happy', type: 'boolean', ifTrue: 100, ifFalse: 0 }, { metric: 'tickets', type: 'linear', min: 0, max: 10 }]);
    expect(run(many, { logins: 0, adoption: 0, happy: false, tickets: 10 }).explanation.nextTier).toBeNull();
  });
});
