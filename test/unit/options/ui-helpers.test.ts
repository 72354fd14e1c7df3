import { describe, expect, test, vi } from 'vitest';
import type { AccountRow, ScoreRow } from '../../../lib/data/db';
import { type AccountListRow, INSUFFICIENT, NO_FILTER, configLabels, filterRows, loadAccountRows, quickRow, sortRows, withDetails } from '../../../components/options/account-rows';
import { conditionText, measureText, sourceText } from '../../../components/options/config-text';
import { checkOverrideDraft, issuesToFields, type OverrideDraft } from '../../../components/options/override-form';
import { parseRoute, routeHash } from '../../../components/options/route';
import { isStale } from '../../../components/options/MetricsTable';
import { demo, readPreset, useDemoDb } from './fixtures';

function row(id: string, patch: Partial<AccountListRow> = {}): AccountListRow {
  return { id, name: id, search: id.toLowerCase(), score: 50, tier: { key: 'healthy', label: 'Healthy', color: '#1e8e3e' }, d7: 0, renewal: null, scorecard: { key: 'default', label: 'All' }, flags: [], overridden: false, details: true, ...patch };
}

describe('options routes', () => {
  const tabs = ['scoring', 'accounts', 'privacy'];
  test('a hash names a tab and an item; anything unknown opens the first tab', () => {
    expect(parseRoute('#/accounts/acc-001', tabs)).toEqual({ tab: 'accounts', id: 'acc-001', query: {} });
    expect(parseRoute('#/privacy', tabs)).toEqual({ tab: 'privacy', id: null, query: {} });
    expect(parseRoute('', tabs)).toEqual({ tab: 'scoring', id: null, query: {} });
    expect(parseRoute('#/nope/x?changed', tabs)).toEqual({ tab: 'scoring', id: null, query: {} });
    expect(parseRoute('#/accounts/%E0%A4%A', tabs)).toEqual({ tab: 'accounts', id: null, query: {} });
  });
  test('ids with slashes and spaces survive the round trip', () => {
    const hash = routeHash('accounts', 'crm/42 b');
    expect(hash).toBe('#/accounts/crm%2F42%20b');
    expect(parseRoute(hash, tabs)).toEqual({ tab: 'accounts', id: 'crm/42 b', query: {} });
  });
  test('a query after the path sets a tab up (a flag without a value, or name=value)', () => {
    expect(routeHash('accounts', null, { changed: '' })).toBe('#/accounts?changed');
    expect(parseRoute('#/accounts?changed', tabs)).toEqual({ tab: 'accounts', id: null, query: { changed: '' } });
    expect(parseRoute(routeHash('accounts', null, { tier: 'at risk', changed: '' }), tabs).query).toEqual({ tier: 'at risk', changed: '' });
  });
});

describe('accounts table rows', () => {
  test('a stored account becomes a searchable row; its score row adds trend, scorecard, flags and override', () => {
    const account: AccountRow = { id: 'a1', name: 'Acme', domains: ['acme.example'], contacts: ['Dana@Acme.example'], attributes: { renewal_date: '2027-01-02' } };
    const healthy = { key: 'healthy', label: 'Healthy', color: '#1e8e3e' };
    const quick = quickRow(account, { score: 71, tier: 'healthy' }, new Map([['healthy', healthy]]));
    expect(quick).toMatchObject({ score: 71, tier: healthy, renewal: '2027-01-02', d7: null, scorecard: null, details: false });
    expect(quick.search).toContain('dana@acme.example');
    expect(quickRow(account, { score: 5, tier: 'gone' }, new Map()).tier).toEqual({ key: 'gone', label: 'gone', color: '#9aa0a6' });
    const score = { accountId: 'a1', score: 71, tier: 'healthy', trend: { d7: -4, d30: null }, scorecard: 'smb', flags: ['renewal_soon', 'gone'], overridden: true } as unknown as ScoreRow;
    const labels = { tiers: new Map([['healthy', healthy]]), scorecards: new Map([['smb', 'SMB']]), flags: new Map([['renewal_soon', 'Renewal soon']]) };
    expect(withDetails(quick, score, labels)).toMatchObject({ score: 71, tier: healthy, d7: -4, scorecard: { key: 'smb', label: 'SMB' }, flags: [{ key: 'renewal_soon', label: 'Renewal soon' }, { key: 'gone', label: 'gone' }], overridden: true, details: true });
    expect(withDetails(quickRow(account, undefined, new Map()), undefined, configLabels(null))).toMatchObject({ score: null, tier: null, details: true });
  });

  test('search matches name, email or domain; filters combine', () => {
    const rows = [
      row('a', { search: 'acme\nacme.example\ndana@acme.example', flags: [{ key: 'billing', label: 'B' }] }),
      row('b', { tier: null, score: null, overridden: true }),
      row('c', { scorecard: { key: 'smb', label: 'SMB' }, flags: [{ key: 'billing', label: 'B' }] }),
    ];
    const ids = (f: Partial<typeof NO_FILTER>) => filterRows(rows, { ...NO_FILTER, ...f }).map((r) => r.id);
    expect(ids({ query: ' DANA@' })).toEqual(['a']);
    expect(ids({ tier: INSUFFICIENT })).toEqual(['b']);
    expect(ids({ tier: 'healthy' })).toEqual(['a', 'c']);
    expect(ids({ scorecard: 'smb' })).toEqual(['c']);
    expect(ids({ flag: 'billing' })).toEqual(['a', 'c']);
    expect(ids({ flag: 'billing', scorecard: 'default' })).toEqual(['a']);
    expect(ids({ overriddenOnly: true })).toEqual(['b']);
    expect(filterRows(rows, { ...NO_FILTER, changedOnly: true }, new Set(['c', 'gone'])).map((r) => r.id)).toEqual(['c']);
    expect(filterRows(rows, { ...NO_FILTER, changedOnly: true }).map((r) => r.id)).toEqual([]);
  });

  test('sorting puts rows without the value last in both directions and breaks ties by name', () => {
    const rows = [row('Zed', { score: 10, d7: null, renewal: '2027-01-01' }), row('amy', { score: null, d7: 5 }), row('Bob', { score: 10, d7: -3, renewal: '2026-12-01' })];
    const order = (key: 'score' | 'trend' | 'renewal' | 'name', descending = false) => sortRows(rows, { key, descending }).map((r) => r.id);
    expect(order('score')).toEqual(['Bob', 'Zed', 'amy']);
    expect(order('score', true)).toEqual(['Bob', 'Zed', 'amy']);
    expect(order('trend', true)).toEqual(['amy', 'Bob', 'Zed']);
    expect(order('renewal')).toEqual(['Bob', 'Zed', 'amy']);
    expect(order('name')).toEqual(['amy', 'Bob', 'Zed']);
    expect(rows.map((r) => r.id)).toEqual(['Zed', 'amy', 'Bob']); // the input stays as it was
  });
});

describe('loading the table rows', () => {
  const { db } = useDemoDb();
  test('every account arrives first with its score and tier, then complete; the last call says done', async () => {
    const calls: { stage: string; rows: AccountListRow[] }[] = [];
    await loadAccountRows(db(), (rows, stage) => calls.push({ stage, rows }), new AbortController().signal, 7);
    expect(calls[0]).toMatchObject({ stage: 'accounts' });
    expect(calls[0]!.rows.length).toBe(40); // the first chunk (100) holds every demo account
    expect(calls.at(-1)!.stage).toBe('done');
    const rows = calls.at(-1)!.rows;
    expect(rows.map((r) => r.id)).toEqual(demo.accounts.map((a) => a.id).sort());
    for (const r of rows) {
      const stored = (await db().scores.get(r.id))!;
      expect(r).toMatchObject({ details: true, score: stored.score, tier: stored.tier === null ? null : { key: stored.tier }, d7: stored.trend.d7, scorecard: { key: stored.scorecard } });
    }
  });
  test('an aborted load reports nothing more', async () => {
    const controller = new AbortController();
    controller.abort();
    const onRows = vi.fn();
    await loadAccountRows(db(), onRows, controller.signal);
    expect(onRows).not.toHaveBeenCalled();
  });
});

describe('override form checks', () => {
  const ok: OverrideDraft = { mode: 'value', value: '80', tier: '', reason: ' Renewal signed ', expires: '2026-12-01', author: ' Sam ' };
  test('a complete draft becomes a request expiring at the end of the chosen day', () => {
    const checked = checkOverrideDraft(ok, '2026-11-25');
    expect(checked).toEqual({ request: { value: 80, reason: 'Renewal signed', author: 'Sam', expiresAt: new Date('2026-12-01T23:59:59').toISOString() } });
    expect(checkOverrideDraft({ ...ok, mode: 'tier', tier: 'at_risk' }, '2026-11-25')).toMatchObject({ request: { tier: 'at_risk' } });
  });
  test.each([
    [{ value: '101' }, 'value', 'from 0 to 100'],
    [{ value: '' }, 'value', 'from 0 to 100'],
    [{ value: 'abc' }, 'value', 'from 0 to 100'],
    [{ mode: 'tier' as const, tier: '' }, 'tier', 'Choose the tier'],
    [{ reason: '  ' }, 'reason', 'reason is required'],
    [{ expires: '' }, 'expires', 'Choose the day'],
    [{ expires: '2026-11-25' }, 'expires', 'after today'],
    [{ author: '' }, 'author', 'your name'],
  ])('%o is refused at its field', (change, field, message) => {
    const checked = checkOverrideDraft({ ...ok, ...change }, '2026-11-25');
    expect('errors' in checked && checked.errors[field as keyof typeof checked.errors]).toMatch(new RegExp(message, 'i'));
  });
  test("the background's issues map back to their fields", () => {
    expect(issuesToFields([{ path: 'override.tier', message: 'unknown tier "x"' }, { path: 'config', message: 'no config' }])).toEqual({ tier: 'unknown tier "x"', form: 'no config' });
  });
});

describe('config in words', () => {
  const config = readPreset('default');
  test('rules, functions and sources read as text', () => {
    expect(conditionText(config.flags.find((f) => f.key === 'renewal_soon')!.when[0]!, config)).toBe('days until renewal_date ≥ 0, ≤ 60');
    expect(conditionText(config.flags.find((f) => f.key === 'billing_risk')!.when[0]!, config)).toBe('Days past due > 30');
    expect(conditionText({ attribute: 'plan', equals: 'enterprise', minInclusive: true } as never, config)).toBe('plan is "enterprise"');
    expect(measureText(config.scorecards[0]!.measures[0]!)).toBe('< 1 → 0 · < 3 → 30 · < 6 → 60 · < 10 → 85 · otherwise → 100');
    expect(measureText(config.scorecards[0]!.measures[1]!)).toBe('linear: 10 → 0, 80 → 100');
    expect(sourceText('editor')).toBe('Config editor');
    expect(sourceText('preset:default')).toBe('Preset “default”');
    expect(sourceText('restored:3')).toBe('Restored from version #3');
    expect(sourceText('https://cfg.example/c.json')).toBe('https://cfg.example/c.json');
  });
  test('a metric value is stale only past its maxAgeDays', () => {
    expect(isStale('2026-10-01', 45, '2026-11-25')).toBe(true);
    expect(isStale('2026-10-11T08:00:00Z', 45, '2026-11-25')).toBe(false);
    expect(isStale('2020-01-01', undefined, '2026-11-25')).toBe(false);
  });
});
