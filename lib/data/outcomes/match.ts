// Outcome rows matched to stored accounts, with the report the admin reads: rows applied, rows naming no known
// account, rows with values that cannot be read — and the decision to refuse the whole file, as an accounts
// import does when too many rows are bad. Pure: the extension resolves names through its identities table, the
// CLI through the accounts file it was given.
import { accountIdentityKeys } from '../../identity';
import { DEFAULT_MAX_REJECTED_SHARE, MAX_REPORTED_ERRORS, type RowError } from '../import/import';
import type { Outcome } from '../backtest/engine';
import type { OutcomeFile, OutcomeMatch } from './read';

export interface MatchedOutcome {
  accountId: string;
  outcome: Outcome;
}

export interface OutcomesReport {
  totalRows: number;
  /** Accounts that get the outcome (0 when the file is refused). */
  applied: number;
  /** Rows naming no stored account: listed in `errors`, left out, never a reason to refuse on their own. */
  unknownRows: number;
  /** Rows with values that cannot be read, or naming an account an earlier row already gave an outcome. */
  rejectedRows: number;
  /** Rows with no outcome at all (every outcome cell empty). */
  emptyRows: number;
  /** By row: bad values (with their column) and unknown accounts; the first MAX_REPORTED_ERRORS. */
  errors: RowError[];
}

export type OutcomesResult = OutcomesReport & ({ ok: true; matched: MatchedOutcome[] } | { ok: false; error: string });

const MATCH_WORDS: Record<OutcomeMatch, string> = { id: 'id', domain: 'domain', name: 'name' };

/**
 * `resolve` gives the stored account a key names (an account id for match 'id', an identity key otherwise).
 * Refused, with nothing to apply, when more than `maxRejectedShare` of the rows are bad or no row names a
 * stored account.
 */
export function matchOutcomes(
  file: OutcomeFile,
  resolve: (key: string) => string | undefined,
  maxRejectedShare = DEFAULT_MAX_REJECTED_SHARE,
): OutcomesResult {
  if (!file.ok) return { ok: false, error: file.error, totalRows: 0, applied: 0, unknownRows: 0, rejectedRows: 0, emptyRows: 0, errors: [] };
  const match = file.columns!.match;
  const errors: RowError[] = [...file.errors];
  let rejectedRows = file.rejectedRows;
  let unknownRows = 0;
  const rowOfAccount = new Map<string, number>();
  const matched: MatchedOutcome[] = [];
  for (const record of file.records) {
    const owners = [...new Set(record.keys.map(resolve).filter((id): id is string => id !== undefined))];
    const fail = (message: string) => errors.push({ row: record.row, location: record.location, column: file.columns!.account, message });
    if (owners.length === 0) {
      unknownRows++;
      fail(`no account has the ${MATCH_WORDS[match]} ${JSON.stringify(record.named)}`);
      continue;
    }
    if (owners.length > 1) {
      rejectedRows++;
      fail(`the domains ${JSON.stringify(record.named)} belong to different accounts (${owners.map((id) => JSON.stringify(id)).join(', ')})`);
      continue;
    }
    const accountId = owners[0]!;
    const first = rowOfAccount.get(accountId);
    if (first !== undefined) {
      rejectedRows++;
      fail(`account ${JSON.stringify(accountId)} already has an outcome in row ${first}`);
      continue;
    }
    rowOfAccount.set(accountId, record.row);
    matched.push({ accountId, outcome: record.outcome });
  }
  errors.sort((a, b) => a.row - b.row);
  const report = { totalRows: file.totalRows, unknownRows, rejectedRows, emptyRows: file.emptyRows, errors: errors.slice(0, MAX_REPORTED_ERRORS) };
  const refuse = (error: string): OutcomesResult => ({ ...report, applied: 0, ok: false, error });
  if (rejectedRows > maxRejectedShare * file.totalRows) {
    const percent = (n: number) => `${Math.round(n * 1000) / 10}%`;
    return refuse(
      `${rejectedRows} of ${file.totalRows} rows have values that cannot be used (${percent(rejectedRows / file.totalRows)}), ` +
        `more than the ${percent(maxRejectedShare)} allowed: no outcome was loaded`,
    );
  }
  if (file.records.length === 0 && rejectedRows === 0) return refuse('no row gives an outcome: every churned, churn date and expanded cell is empty');
  if (matched.length === 0) {
    return refuse(
      `none of the ${file.totalRows} rows names a known account by its ${MATCH_WORDS[match]} (column ` +
        `${JSON.stringify(file.columns!.account)}): no outcome was loaded. Is it the right column, and matched the right way?`,
    );
  }
  return { ...report, applied: matched.length, ok: true, matched };
}

/**
 * Resolves the keys an outcomes file names against a list of accounts (the CLI's accounts file): ids as they are,
 * domains and names through the identity keys the extension stores, the first account claiming a key keeping it.
 */
export function accountResolver(accounts: readonly { id: string; name: string; domains: string[]; contacts: string[] }[], match: OutcomeMatch): (key: string) => string | undefined {
  const owner = new Map<string, string>();
  for (const account of accounts) {
    const keys = match === 'id' ? [account.id] : accountIdentityKeys(account);
    for (const key of keys) if (!owner.has(key)) owner.set(key, account.id);
  }
  return (key) => owner.get(key);
}
