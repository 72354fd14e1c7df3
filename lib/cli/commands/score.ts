// `healthmark score --config c.json --accounts a.csv`: scores every account of a data file with the same import
// the extension uses (columns mapped by header: metric key or label, identity names, else attributes).
import { formatRowError, importAccounts } from '../../data/import';
import { scoreAccount } from '../../scoring';
import { type CliCommand, EXIT, parseCommandArgs, readTextFile } from '../command';
import { loadConfigFile } from '../config-file';
import { OUTPUT_FORMATS, type OutputFormat, render } from '../render';

const OPTIONS = {
  config: { type: 'string' },
  accounts: { type: 'string' },
  explain: { type: 'boolean', default: false },
  format: { type: 'string', default: 'table' },
  now: { type: 'string' },
  decimal: { type: 'string', default: '.' },
  'date-order': { type: 'string' },
  delimiter: { type: 'string' },
} as const;

export const scoreCommand: CliCommand = {
  name: 'score',
  summary: 'score every account of a CSV, JSON or NDJSON file',
  help: `Usage: healthmark score --config <config.json> --accounts <file.csv|.json|.ndjson> [options]

Scores every account in the file and prints the results. Columns are matched by header: a metric's key or label
("logins_per_week", "Logins per week"), identity columns ("Account ID", "Company", "Website", "Emails"), outcome
columns ("Churned", "Churn date"), "As of"; every other column is an attribute named by its header in snake_case.
See docs/cli.md.

Options:
  --config <path>        scoring config (JSON)
  --accounts <path>      account data: .csv, .json (array) or .ndjson
  --explain              add each measure's value, weight and contribution, the drivers and the next-tier step
  --format <f>           table (default), csv or json
  --now <date>           score as of this date (ISO, e.g. 2024-10-16) instead of today; also the as-of date
                         of metrics in rows without an "As of" column
  --decimal <. or ,>     decimal mark of numbers in the file (default ".")
  --date-order <order>   dmy or mdy for dates like 03/04/2024 (default: only unambiguous dates are read)
  --delimiter <char>     CSV delimiter (default: detected)

Rows that cannot be read are listed on stderr by row and line ("row 17 (line 18)"); the other rows are scored
and the command exits 1. Exit 0 when every row was scored; 2 when a file is missing or not readable as its format.`,

  async run(args, io) {
    const result = parseCommandArgs(this, args, OPTIONS, io);
    if ('exit' in result) return result.exit;
    const { values, positionals } = result.parsed;
    const usage = (message: string) => {
      io.err(`healthmark score: ${message}`);
      io.err('Run "healthmark score --help" for usage.');
      return EXIT.unusable;
    };
    if (!values.config || !values.accounts) return usage('both --config and --accounts are required');
    if (positionals.length > 0) return usage(`unexpected argument "${positionals[0]}"`);
    if (!OUTPUT_FORMATS.includes(values.format as OutputFormat)) return usage(`--format must be table, csv or json, not "${values.format}"`);
    if (values.decimal !== '.' && values.decimal !== ',') return usage(`--decimal must be "." or ",", not "${values.decimal}"`);
    const dateOrder = values['date-order'];
    if (dateOrder !== undefined && dateOrder !== 'dmy' && dateOrder !== 'mdy') return usage(`--date-order must be dmy or mdy, not "${dateOrder}"`);
    const now = values.now === undefined ? new Date() : new Date(values.now);
    if (Number.isNaN(now.getTime())) return usage(`--now must be a date like 2024-10-16, not "${values.now}"`);

    const loaded = await loadConfigFile(values.config, io, (line) => io.err(`${values.config}: ${line}`));
    if ('exit' in loaded) return loaded.exit;
    const file = await readTextFile(values.accounts);
    if (!file.ok) {
      io.err(file.message);
      return EXIT.unusable;
    }
    const imported = await importAccounts(file.text, {
      catalogue: loaded.config.metrics,
      name: values.accounts,
      decimal: values.decimal,
      ...(dateOrder ? { dateOrder } : {}),
      ...(values.delimiter ? { delimiter: values.delimiter } : {}),
      defaultAsOf: now.toISOString(),
      // Score every good row; the exit code reports the bad ones.
      maxRejectedShare: 1,
    });
    for (const e of imported.errors) io.err(`${values.accounts}: ${formatRowError(e)}`);
    if (imported.rejectedRows > imported.errors.length) io.err(`${values.accounts}: … ${imported.rejectedRows - imported.errors.length} more rejected rows`);
    if (!imported.ok) {
      io.err(`${values.accounts}: ${imported.error}`);
      return EXIT.unusable;
    }
    const scored = imported.accounts.map((account) => ({ account, result: scoreAccount(loaded.config, account, account.metrics, { now }) }));
    for (const line of render(scored, values.format as OutputFormat, values.explain)) io.out(line);
    return imported.rejectedRows > 0 ? EXIT.problems : EXIT.ok;
  },
};
