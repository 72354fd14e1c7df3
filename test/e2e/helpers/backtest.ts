// Outcome files for the Backtest e2e specs, written in Node from what the extension stores or from generated
// accounts — the extension then reads them exactly as a user's files.
import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import { dayNumber, isoDay } from '../../../lib/dates';
import { presetAccounts } from '../../fixtures/backtest/accounts';

/** Every stored score row (account id and score), read from the extension's database by one of its pages. */
export function storedScores(page: Page): Promise<{ accountId: string; score: number | null }[]> {
  return page.evaluate(async () => {
    const open = indexedDB.open('healthmark');
    const db = await new Promise<IDBDatabase>((resolve, reject) => ((open.onsuccess = () => resolve(open.result)), (open.onerror = () => reject(open.error))));
    const request = db.transaction('scores').objectStore('scores').getAll();
    const rows = await new Promise<{ accountId: string; score: number | null }[]>((resolve) => (request.onsuccess = () => resolve(request.result)));
    db.close();
    return rows.map(({ accountId, score }) => ({ accountId, score }));
  });
}

/**
 * An outcomes file for the stored accounts: the `lowest` lowest scores and two healthy accounts churned today (a
 * score that ranks churners well but not perfectly), everyone else retained, plus one id no account has.
 * Returns the CSV and how many churned and how many have a score (the rest are left out of every figure).
 * A `note` adds a Notes column (no outcome reads it) holding it on every row: a file as large as one wants.
 */
export function outcomesCsv(scores: { accountId: string; score: number | null }[], lowest: number, note?: string): { csv: string; churned: number; scored: number } {
  const ranked = scores.filter((s) => s.score !== null).sort((a, b) => a.score! - b.score! || a.accountId.localeCompare(b.accountId));
  const churned = new Set([...ranked.slice(0, lowest), ...ranked.slice(-8, -6)].map((s) => s.accountId));
  const today = new Date().toISOString().slice(0, 10);
  const rows = scores.map(({ accountId }) => ({ 'Account ID': accountId, Churned: churned.has(accountId) ? 'yes' : 'no', 'Churn date': churned.has(accountId) ? today : '' }));
  rows.push({ 'Account ID': 'acc-gone', Churned: 'yes', 'Churn date': today });
  const noted = note === undefined ? rows : rows.map((row) => ({ ...row, Notes: note }));
  return { csv: `${Papa.unparse(noted)}\n`, churned: churned.size, scored: ranked.length };
}

/**
 * `count` generated accounts for the default preset with metrics as of today and the outcome columns an accounts
 * import maps by itself ("churned", "churn_date"): what a CRM export with outcomes looks like.
 */
export function accountsWithOutcomesCsv(count: number, seed: number): string {
  const today = new Date().toISOString().slice(0, 10);
  const rows = presetAccounts(count, seed).map((a) => ({
    account_id: a.id,
    name: a.name,
    plan: a.attributes?.plan,
    ...Object.fromEntries(Object.entries(a.metrics).map(([key, metric]) => [key, metric!.value])),
    last_login: isoDay(dayNumber(today) - Number(a.metrics.last_login!.value)),
    as_of: today,
    churned: a.outcome?.churned ? 'yes' : 'no',
    churn_date: a.outcome?.churnedAt ?? '',
  }));
  return `${Papa.unparse(rows)}\n`;
}
