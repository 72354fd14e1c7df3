// What the backtest worker reads from the extension's database: the config to test, every account with its
// metrics and outcome, and the daily score history for the leading-indicator check.
import { type ScoringConfig, validateConfig } from '../../scoring';
import type { HealthmarkDb } from '../db';
import { activeConfig } from '../status';
import type { OutcomeAccount } from './engine';
import type { ScorePoint } from './leading';

export interface StoredBacktestInput {
  config: ScoringConfig;
  accounts: OutcomeAccount[];
  /** Undefined when no history is stored: the leading-indicator check is skipped. */
  history: ScorePoint[] | undefined;
  /** Accounts with a known outcome (churned or not). */
  withOutcome: number;
}

export type StoredInputResult = { ok: true; input: StoredBacktestInput } | { ok: false; error: string };

/** `config` null reads the active config. Errors are sentences for the page to show. */
export async function readStoredInput(db: HealthmarkDb, config: unknown): Promise<StoredInputResult> {
  const chosen = config ?? (await activeConfig(db))?.config;
  if (!chosen) return { ok: false, error: 'There is no active scoring config to test.' };
  const checked = validateConfig(chosen);
  if (!checked.ok) {
    const issues = checked.issues.slice(0, 3).map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    return { ok: false, error: `The config to test is not valid (${issues}).` };
  }
  const [rows, metrics, points] = await Promise.all([db.accounts.toArray(), db.metrics.toArray(), db.history.toArray()]);
  const valuesOf = new Map(metrics.map((m) => [m.accountId, m.values]));
  let withOutcome = 0;
  const accounts = rows.map((row): OutcomeAccount => {
    if (row.outcome) withOutcome++;
    return { id: row.id, name: row.name, attributes: row.attributes, metrics: valuesOf.get(row.id) ?? {}, ...(row.outcome ? { outcome: row.outcome } : {}) };
  });
  if (accounts.length === 0) return { ok: false, error: 'No accounts are stored yet: import or sync accounts with outcomes first.' };
  if (withOutcome === 0) {
    return {
      ok: false,
      error:
        `None of the ${accounts.length} stored accounts has an outcome (churned or not), so there is nothing to test the ` +
        'score against. Import or sync accounts with a "churned" or "churn date" column.',
    };
  }
  const history = points.length ? points.map(({ accountId, day, score }) => ({ accountId, day, score })) : undefined;
  return { ok: true, input: { config: checked.config, accounts, history, withOutcome } };
}
