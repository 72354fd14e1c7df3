// `healthmark backtest --config c.json --accounts a.csv [--outcomes o.csv] [--history h.csv]`: does the score
// predict churn, and which weights would predict it better? Accounts are read with the same import the extension
// uses, and an outcomes file is merged into them exactly as the options page merges one into stored accounts.
import { type ScorePoint, backtestConfig, formatReport, readHistory } from '../../data/backtest';
import { type ImportedAccount, type MetricCatalogueEntry, formatRowError, importAccounts } from '../../data/import';
import { type MatchedOutcome, accountResolver, matchOutcomes, readOutcomeFile } from '../../data/outcomes';
import { type CliCommand, type CliIo, EXIT, parseCommandArgs, readTextFile } from '../command';
import { loadConfigFile } from '../config-file';

const OPTIONS = {
  config: { type: 'string' },
  accounts: { type: 'string' },
  outcomes: { type: 'string' },
  history: { type: 'string' },
  'lead-days': { type: 'string', default: '30' },
  scorecard: { type: 'string' },
  format: { type: 'string', default: 'table' },
} as const;

export const backtestCommand: CliCommand = {
  name: 'backtest',
  summary: 'check how well the score predicts churn and suggest better weights',
  help: `Usage: healthmark backtest --config <config.json> --accounts <file> [--outcomes <file>] [--history <file>]
                          [--lead-days N] [--scorecard <key>] [--format table|json]

Scores the accounts with the config and compares the scores with what happened (outcome columns "Churned",
"Churn date" of the accounts file, or an outcomes file): AUC with a bootstrap confidence interval, churn rate per
tier, lift of the riskiest decile, each measure's own AUC and whether its direction matches the config, and
suggested weights beside the current ones with both cross-validated AUCs. Metrics are judged as of the newest
"As of" day in the file. See docs/backtest.md.

Options:
  --config <path>      scoring config (JSON)
  --accounts <path>    accounts (metrics, and outcomes if it has them): .csv, .json (array) or .ndjson
  --outcomes <path>    outcomes file: an account id (or domain, or name) column and "churned" and/or
                       "churn date" (optionally "expanded"); its outcomes replace the accounts file's
  --history <path>     score history (columns account id, day, score) for the leading-indicator check
  --lead-days <N>      judge the score N days before churn (default 30)
  --scorecard <key>    scorecard whose measures are checked and re-weighted (default: the one most accounts use)
  --format <f>         table (default) or json (the whole report and the draft config)

Exit 0 with the report, also when it warns (too few outcomes, rows left out); 1 when the inputs have problems
and there is no report (an invalid config, unreadable history rows, an outcomes file refused for too many bad
rows or naming no account, an unknown scorecard); 2 when the command cannot run (wrong arguments, a missing file,
a file that is not readable as its format). Rows of the accounts and outcomes files that cannot be used are
listed on stderr and left out (the report says how many).`,

  async run(args, io) {
    const result = parseCommandArgs(this, args, OPTIONS, io);
    if ('exit' in result) return result.exit;
    const { values, positionals } = result.parsed;
    const complain = (exit: number) => (message: string) => {
      io.err(`healthmark backtest: ${message}`);
      return exit;
    };
    const usage = complain(EXIT.unusable);
    if (!values.config || !values.accounts) return usage('both --config and --accounts are required (see --help)');
    if (positionals.length > 0) return usage(`unexpected argument "${positionals[0]}"`);
    if (values.format !== 'table' && values.format !== 'json') return usage(`--format must be table or json, not "${values.format}"`);
    const leadDays = Number(values['lead-days']);
    if (!Number.isInteger(leadDays) || leadDays < 0) return usage(`--lead-days must be a whole number of days, not "${values['lead-days']}"`);

    const loaded = await loadConfigFile(values.config, io, (line) => io.err(`${values.config}: ${line}`));
    if ('exit' in loaded) return loaded.exit;
    const accounts = await readAccounts(values.accounts, loaded.config.metrics, io);
    if ('exit' in accounts) return accounts.exit;
    const outcomes = values.outcomes === undefined ? undefined : await readOutcomesFile(values.outcomes, accounts.accounts, io);
    if (outcomes && 'exit' in outcomes) return outcomes.exit;
    const history = values.history === undefined ? undefined : await readHistoryFile(values.history, io);
    if (history && 'exit' in history) return history.exit;

    const backtest = backtestConfig(
      { config: loaded.config, accounts: outcomes ? withOutcomes(accounts.accounts, outcomes.matched) : accounts.accounts, ...(values.scorecard ? { scorecard: values.scorecard } : {}) },
      { leadDays, ...(history ? { history: history.points } : {}) },
    );
    if (!backtest.ok) return complain(EXIT.problems)(backtest.error);
    if (accounts.rejected > 0) {
      backtest.report.warnings.unshift(`${accounts.rejected} rows of ${values.accounts} could not be read and were left out (listed on stderr).`);
    }
    if (outcomes && outcomes.leftOut > 0) {
      backtest.report.warnings.unshift(`${outcomes.leftOut} rows of ${values.outcomes} name no account of ${values.accounts} or could not be read, and were left out (listed on stderr).`);
    }
    if (values.format === 'json') {
      io.out(JSON.stringify({ report: backtest.report, candidate: backtest.candidate }, null, 2));
      return EXIT.ok;
    }
    const { name, version } = loaded.config;
    io.out(formatReport(backtest.report, `Backtest of "${name}" ${version} on ${values.accounts}${values.outcomes ? ` with ${values.outcomes}` : ''}`));
    if (backtest.candidate) {
      const caution = backtest.report.cautions.length ? ', but read the cautions above first' : '';
      io.out(`\nA draft config with the suggested weights is in the JSON output (--format json)${caution}; nothing was applied.`);
    }
    return EXIT.ok;
  },
};

async function readAccounts(path: string, catalogue: readonly MetricCatalogueEntry[], io: CliIo): Promise<{ accounts: ImportedAccount[]; rejected: number } | { exit: number }> {
  const file = await readTextFile(path);
  if (!file.ok) {
    io.err(file.message);
    return { exit: EXIT.unusable };
  }
  const imported = await importAccounts(file.text, { catalogue, name: path });
  for (const e of imported.errors) io.err(`${path}: ${formatRowError(e)}`);
  if (imported.rejectedRows > imported.errors.length) io.err(`${path}: … ${imported.rejectedRows - imported.errors.length} more rejected rows`);
  if (!imported.ok) {
    io.err(`${path}: ${imported.error}`);
    return { exit: EXIT.unusable };
  }
  return { accounts: imported.accounts, rejected: imported.rejectedRows };
}

async function readHistoryFile(path: string, io: CliIo): Promise<{ points: ScorePoint[] } | { exit: number }> {
  const file = await readTextFile(path);
  if (!file.ok) {
    io.err(file.message);
    return { exit: EXIT.unusable };
  }
  const history = await readHistory(file.text, path);
  if (history.ok) return { points: history.points };
  io.err(`${path}: ${history.error}`);
  return { exit: EXIT.problems };
}

/** The outcomes file matched to the accounts file; rows left out are listed on stderr, a refused file exits 1. */
async function readOutcomesFile(path: string, accounts: readonly ImportedAccount[], io: CliIo): Promise<{ matched: MatchedOutcome[]; leftOut: number } | { exit: number }> {
  const text = await readTextFile(path);
  if (!text.ok) {
    io.err(text.message);
    return { exit: EXIT.unusable };
  }
  const file = await readOutcomeFile(text.text, { name: path });
  if (!file.ok) {
    io.err(`${path}: ${file.error}`);
    return { exit: EXIT.unusable };
  }
  const result = matchOutcomes(file, accountResolver(accounts, file.columns!.match));
  for (const e of result.errors) io.err(`${path}: ${formatRowError(e)}`);
  if (!result.ok) {
    io.err(`${path}: ${result.error}`);
    return { exit: EXIT.problems };
  }
  return { matched: result.matched, leftOut: result.unknownRows + result.rejectedRows };
}

/** The accounts with the outcomes file's outcome where it has one. */
function withOutcomes(accounts: readonly ImportedAccount[], matched: readonly MatchedOutcome[]): ImportedAccount[] {
  const outcomeOf = new Map(matched.map((m) => [m.accountId, m.outcome]));
  return accounts.map((account) => {
    const outcome = outcomeOf.get(account.id);
    return outcome ? { ...account, outcome } : account;
  });
}
