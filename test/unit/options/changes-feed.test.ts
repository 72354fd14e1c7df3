// The popup's "changes in the last update": the alerts of the last apply only, with account names, a count, and the
// set of accounts the options page filters on; each change said from its kind and detail (lib/data/change-text.ts).
import { describe, expect, test } from 'vitest';
import { type IncomingAccount, replaceDataset } from '../../../lib/data/apply';
import { changeText } from '../../../lib/data/change-text';
import { changedAccountIds, changesSinceLastApply } from '../../../lib/data/changes';
import type { ChangeRow } from '../../../lib/data/db';
import { getMeta } from '../../../lib/data/db';
import { applyConfigVersion, setOverrideAndRescore } from '../../../lib/data/rescore';
import { countStatus, readStatus } from '../../../lib/data/status';
import { demo, now, readPreset, shiftedTiers, useDemoDb } from './fixtures';

const { db } = useDemoDb();
const DAY = 86_400_000;

/** The demo's accounts the next day, with the usage of `collapsed` gone (big drops and worse tiers). */
function nextDay(collapsed: string[], keep = (_: IncomingAccount) => true): IncomingAccount[] {
  const asOf = new Date(now.getTime() + DAY).toISOString().slice(0, 10);
  return demo.accounts.filter(keep).map((a) => {
    if (!collapsed.includes(a.id)) return a;
    const bad = { logins_per_week: 0.2, active_seats_pct: 5, feature_adoption_pct: 3, nps: -80, csm_sentiment: 'red', open_tickets: 40, days_past_due: 90 };
    return { ...a, metrics: { ...a.metrics, ...Object.fromEntries(Object.entries(bad).map(([k, value]) => [k, { value, asOf }])) } };
  });
}

async function sync(accounts: IncomingAccount[], at: Date) {
  const config = readPreset('default');
  const activeConfigId = await getMeta<number>(db(), 'activeConfigId');
  return replaceDataset(db(), { config, configSource: 'sync:test', accounts, mode: 'synced', history: 'append', activeConfigId: activeConfigId! }, at);
}

describe('changes since the last apply', () => {
  test('lists the last update’s alerts, newest first, with names and how many there are', async () => {
    const collapsed = ['acc-001', 'acc-005', 'acc-008', 'acc-011', 'acc-017', 'acc-021', 'acc-026'];
    const { changes } = await sync(nextDay(collapsed), new Date(now.getTime() + DAY));
    expect(changes.length).toBeGreaterThan(collapsed.length); // drops and worse tiers
    const feed = await changesSinceLastApply(db(), 5);
    expect(feed.total).toBe(changes.length);
    // The stored status knows how many there are, so the popup need not count them.
    expect((await readStatus(db())).alerts).toBe(changes.length);
    expect(await countStatus(db())).toEqual(await readStatus(db()));
    expect(await changesSinceLastApply(db(), 5, changes.length)).toEqual(feed);
    expect(feed.changes).toHaveLength(5);
    const names = new Map(demo.accounts.map((a) => [a.id, a.name]));
    for (const c of feed.changes) expect(c.name).toBe(names.get(c.accountId));
    expect(feed.changes.map((c) => c.id)).toEqual([...feed.changes.map((c) => c.id!)].sort((a, b) => b - a));
    const changed = await changedAccountIds(db());
    for (const id of collapsed) expect(changed).toContain(id);
    expect(changed).toEqual(new Set(changes.map((c) => c.accountId)));
  });

  test('a later update replaces the feed: older alerts, and accounts no longer stored, are not shown', async () => {
    await sync(nextDay(['acc-001', 'acc-002']), new Date(now.getTime() + DAY));
    // The next export no longer has Acme (acc-001) and brings nothing new for the rest.
    await sync(nextDay(['acc-002'], (a) => a.id !== 'acc-001'), new Date(now.getTime() + 2 * DAY));
    const feed = await changesSinceLastApply(db(), 5);
    expect(feed.changes.map((c) => c.accountId)).not.toContain('acc-001');
    expect(feed.total).toBe(feed.changes.length);
    expect(await changedAccountIds(db())).not.toContain('acc-001');
  });

  test('config applies and overrides are not alerts; no data means no feed', async () => {
    await applyConfigVersion(db(), shiftedTiers(20), 'editor', new Date(now.getTime() + DAY));
    await setOverrideAndRescore(db(), 'acc-003', { value: 1, reason: 'r', author: 'a', createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + 9 * DAY).toISOString() });
    expect(await changesSinceLastApply(db(), 5)).toMatchObject({ total: 0, changes: [] });
    await db().meta.delete('updatedAt');
    expect(await changesSinceLastApply(db(), 5)).toEqual({ since: null, total: 0, changes: [] });
  });
});

describe('a change in words', () => {
  const base = { at: now.toISOString(), accountId: 'acc-001', text: 'the English of the time' };
  test('each kind from its detail, with singular and plural counts', () => {
    const rows: [ChangeRow, string][] = [
      [{ ...base, kind: 'drop', from: 70, to: 58, detail: { peak: 71, days: 7 } }, 'Score dropped 13 points within 7 days (from 71 to 58)'],
      [{ ...base, kind: 'drop', from: 60, to: 59, detail: { peak: 60, days: 1 } }, 'Score dropped 1 point within 1 day (from 60 to 59)'],
      [{ ...base, kind: 'tier', from: 'healthy', to: 'at_risk', detail: { fromLabel: 'Healthy', toLabel: 'At risk' } }, 'Tier fell from Healthy to At risk'],
      [{ ...base, kind: 'config', from: null, to: 'champion', detail: { fromLabel: null, toLabel: 'Champion', config: 'Default 2025.2' } }, 'Tier changed from no tier to Champion with config Default 2025.2'],
      [{ ...base, kind: 'override', from: 40, to: 90, detail: { author: 'Robin', reason: 'Renewal signed' } }, 'Override set by Robin: Renewal signed'],
      [{ ...base, kind: 'override', from: 90, to: 40, detail: {} }, 'Override removed'],
    ];
    for (const [row, words] of rows) expect(changeText(row)).toBe(words);
  });

  test('rows stored before changes had their detail keep their sentence', () => {
    expect(changeText({ ...base, kind: 'tier', from: 'healthy', to: 'watch' })).toBe('the English of the time');
  });
});
