// What the backtest worker reads from the extension's database: the config to test, every account with its
// metrics and outcome (one loaded from an outcomes file first, else the one an import's columns gave), and the
// daily score history points the leading-indicator check can use (see leading-read.ts).
import { type ScoringConfig, validateConfig } from '../../scoring';
import type { HealthmarkDb, OutcomeRow } from '../db';
import { loadedOutcomes } from '../outcomes/store';
import { activeConfig } from '../status';
import type { Outcome, OutcomeAccount } from './engine';
import { type LeadingHistory, readLeadingHistory } from './leading-read';

export interface StoredBacktestInput {
  config: ScoringConfig;
  accounts: OutcomeAccount[];
  /** Undefined when no usable history is stored (or none was asked for): the leading-indicator check is skipped. */
  history: LeadingHistory | undefined;
  /** Accounts with a known outcome (churned or not). */
  withOutcome: number;
  /** Of those, outcomes loaded from an outcomes file. */
  fromFiles: number;
}

export type StoredInputResult = { ok: true; input: StoredBacktestInput } | { ok: false; error: string };

/**
 * `config` null reads the active config. Without `leadDays` the history is not read (a config other than the
 * active one: stored scores came from the configs active then, so they say nothing about it). Errors are
 * sentences for the page to show.
 */
export async function readStoredInput(db: HealthmarkDb, config: unknown, leadDays?: number): Promise<StoredInputResult> {
  // One read transaction: a sync applied meanwhile cannot pair one dataset's accounts with another's history.
  return db.transaction('r', [db.meta, db.configs, db.accounts, db.metrics, db.outcomes, db.history], () => readInput(db, config, leadDays));
}

async function readInput(db: HealthmarkDb, config: unknown, leadDays: number | undefined): Promise<StoredInputResult> {
  const chosen = config ?? (await activeConfig(db))?.config;
  if (!chosen) return { ok: false, error: 'There is no active scoring config to test.' };
  const checked = validateConfig(chosen);
  if (!checked.ok) {
    const issues = checked.issues.slice(0, 3).map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    return { ok: false, error: `The config to test is not valid (${issues}).` };
  }
  const [rows, metrics, loaded] = await Promise.all([db.accounts.toArray(), db.metrics.toArray(), loadedOutcomes(db)]);
  const valuesOf = new Map(metrics.map((m) => [m.accountId, m.values]));
  let withOutcome = 0;
  let fromFiles = 0;
  const accounts = rows.map((row): OutcomeAccount => {
    const file = loaded.get(row.id);
    const outcome = file ? outcomeOf(file) : row.outcome;
    if (outcome) withOutcome++;
    if (file) fromFiles++;
    return { id: row.id, name: row.name, attributes: row.attributes, metrics: valuesOf.get(row.id) ?? {}, ...(outcome ? { outcome } : {}) };
  });
  if (accounts.length === 0) return { ok: false, error: 'No accounts are stored yet: import or sync accounts with outcomes first.' };
  if (withOutcome === 0) {
    return {
      ok: false,
      error:
        `None of the ${accounts.length} stored accounts has an outcome (churned or not), so there is nothing to test the ` +
        'score against. Load an outcomes file here, or import or sync accounts with a "churned" or "churn date" column.',
    };
  }
  const history = leadDays === undefined ? undefined : await readLeadingHistory(db, accounts, leadDays);
  return { ok: true, input: { config: checked.config, accounts, history, withOutcome, fromFiles } };
}

const outcomeOf = ({ churned, churnedAt, expanded }: OutcomeRow): Outcome => ({
  churned,
  ...(churnedAt !== undefined ? { churnedAt } : {}),
  ...(expanded !== undefined ? { expanded } : {}),
});
