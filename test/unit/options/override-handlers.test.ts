import { describe, expect, test } from 'vitest';
import { accountHandlers } from '../../../lib/background/handlers/accounts';
import { replaceDataset } from '../../../lib/data/apply';
import { applyConfigVersion } from '../../../lib/data/rescore';
import type { OverrideRequest } from '../../../lib/messaging';
import { scoreAccount } from '../../../lib/scoring';
import { demo, readPreset, useDemoDb } from './fixtures';

const { db } = useDemoDb();
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const base: OverrideRequest = { accountId: 'acc-002', value: 91, reason: 'Signed a 3-year renewal yesterday', author: 'Alex Kim', expiresAt: inDays(14) };

describe('override handlers', () => {
  test('a valid override is stored and the account re-scored at once; removal brings the computed score back', async () => {
    const handlers = accountHandlers(db());
    const computed = (await db().scores.get('acc-002'))!;
    const reply = await handlers.setOverride(base);
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.summary).toMatchObject({ accountId: 'acc-002', score: 91, tier: { key: 'champion' }, override: { author: 'Alex Kim', reason: base.reason } });
    expect(await db().overrides.get('acc-002')).toMatchObject({ value: 91, author: 'Alex Kim', reason: base.reason });
    const stored = (await db().scores.get('acc-002'))!;
    expect(stored).toMatchObject({ score: 91, tier: 'champion' });
    expect(stored.overridden).toBe(true);
    expect(stored.trend).toEqual(computed.trend);
    expect((await db().changes.where('accountId').equals('acc-002').filter((c) => c.kind === 'override').toArray()).map((c) => c.to)).toEqual([91]);

    const removed = await handlers.removeOverride({ accountId: 'acc-002' });
    expect(removed.summary.override).toBeNull();
    expect(removed.summary.score).toBe(computed.score);
    expect(await db().overrides.count()).toBe(0);
  });

  test('a tier override keeps the computed score for reference', async () => {
    const reply = await accountHandlers(db()).setOverride({ ...base, value: undefined, tier: 'at_risk' });
    expect(reply).toMatchObject({ ok: true, summary: { tier: { key: 'at_risk' } } });
  });

  test.each([
    ['no reason', { reason: '   ' }, 'override.reason', /required/],
    ['an expiry in the past', { expiresAt: inDays(-1) }, 'override.expiresAt', /future/],
    ['an expiry that is no date', { expiresAt: 'next week' }, 'override.expiresAt', /ISO date/],
    ['a value above 100', { value: 140 }, 'override.value', /0 to 100/],
    ['both a value and a tier', { tier: 'healthy' }, 'override.value', /either a value/],
    ['an unknown tier', { value: undefined, tier: 'gold' }, 'override.tier', /unknown tier "gold"/],
    ['no author', { author: '' }, 'override.author', /required/],
  ] as const)('rejects %s with a located issue and stores nothing', async (_, change, path, message) => {
    const before = await db().scores.get('acc-002');
    const reply = await accountHandlers(db()).setOverride({ ...base, ...change });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.issues.find((i) => i.path === path)?.message).toMatch(message);
    expect(await db().overrides.count()).toBe(0);
    expect(await db().scores.get('acc-002')).toEqual(before);
  });

  test('an unknown account is an error, not a silent success', async () => {
    await expect(accountHandlers(db()).setOverride({ ...base, accountId: 'acc-999' })).rejects.toThrow('No account with id "acc-999"');
    expect(await db().overrides.count()).toBe(0);
  });

  test('a data refresh keeps applying the override; once expired the next re-score returns the computed score', async () => {
    await accountHandlers(db()).setOverride(base);
    await replaceDataset(db(), { config: readPreset('default'), configSource: 'preset:default', ...demo, mode: 'demo' });
    expect((await db().scores.get('acc-002'))?.score).toBe(91);
    const later = new Date(Date.parse(base.expiresAt) + 86_400_000);
    await applyConfigVersion(db(), readPreset('default'), 'editor', later);
    const account = demo.accounts.find((a) => a.id === 'acc-002')!;
    const row = (await db().scores.get('acc-002'))!;
    expect(row.overridden).toBe(false);
    expect(row.score).toBe(scoreAccount(readPreset('default'), account, account.metrics, { now: later }).score);
  });
});
