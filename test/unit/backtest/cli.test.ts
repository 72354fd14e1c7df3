// `healthmark backtest` as a subprocess on fixture files: exit codes, key lines, JSON shape, specific errors.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../../lib/scoring';

const exec = promisify(execFile);
const dir = 'test/fixtures/backtest/cli';
const config = 'public/presets/default.json';
const accounts = `${dir}/accounts.csv`;

async function backtest(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, ['lib/cli/healthmark.mjs', 'backtest', ...args], { timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('healthmark backtest', { timeout: 60_000 }, () => {
  it('prints the report: AUC with CI, tiers, lift, leading AUC, measure verdicts, weights with CV AUCs', async () => {
    const { code, stdout, stderr } = await backtest('--config', config, '--accounts', accounts, '--history', `${dir}/history.csv`);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const lines = stdout.split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe(`Backtest of "Default SaaS health" 2025.1 on ${accounts}`);
    expect(lines).toContain('Accounts: 400 · with an outcome: 157 churned, 243 retained · left out: 0 with insufficient data, 0 without an outcome');
    expect(lines.some((l) => /^ {2}AUC 0\.\d\d \(95% CI 0\.\d\d–0\.\d\d, 1000 bootstrap replicates, seed 1\)$/.test(l))).toBe(true);
    expect(lines.some((l) => /^ {2}Riskiest decile \(40 lowest scores, up to \d+\): churn [\d.]+% vs 39\.3% overall, lift [\d.]+×$/.test(l))).toBe(true);
    expect(lines).toContain('  Tier             Accounts  Churned  Churn rate');
    expect(lines).toContain('Leading indicator: the score 30 days before churn (retained: before 2025-06-20)');
    expect(lines).toContain('  Scores as the history recorded them, from the configs active then: not re-scored with this config.');
    expect(lines.some((l) => /^ {2}✗ Open tickets: configured lower-is-better but the data says the opposite \(AUC 0\.\d\d\)$/.test(l))).toBe(true);
    const cv = /current (0\.\d\d) → suggested (0\.\d\d)$/.exec(lines.find((l) => l.includes('Cross-validated AUC')) ?? '');
    expect(Number(cv?.[2])).toBeGreaterThan(Number(cv?.[1]));
    expect(lines.at(-2)).toBe('A draft config with the suggested weights is in the JSON output (--format json); nothing was applied.');
  });

  it('gives the whole report and a valid draft config as JSON', async () => {
    const { code, stdout } = await backtest('--config', config, '--accounts', accounts, '--history', `${dir}/history.csv`, '--lead-days', '60', '--format', 'json');
    expect(code).toBe(0);
    const { report, candidate } = JSON.parse(stdout);
    expect(report.population).toMatchObject({ accounts: 400, churned: 157, retained: 243 });
    expect(report.leading).toMatchObject({ leadDays: 60, churnedWithPoint: 157, retainedWithPoint: 243 });
    expect(report.suggestion.weights.groups).toHaveLength(4);
    expect(candidate.version).toBe('2025.1-suggested');
    expect(validateConfig(candidate).ok).toBe(true);
  });

  it('too few outcomes: the report with its warning and a caution on the draft, and exit 0', async () => {
    const { code, stdout, stderr } = await backtest('--config', config, '--accounts', `${dir}/few.csv`);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const lines = stdout.split('\n');
    expect(lines).toContain('Accounts: 30 · with an outcome: 13 churned, 17 retained · left out: 0 with insufficient data, 0 without an outcome');
    expect(lines).toContain(
      '  ! Too few outcomes to say anything reliable: 13 churned and 17 retained scored accounts have an outcome; at least 20 of each are needed.',
    );
    expect(lines).toContain(
      '  Caution: Too few outcomes (13 churned, 17 retained; at least 20 of each are needed): these weights may fit chance rather than what drives churn.',
    );
    expect(lines.at(-2)).toBe('A draft config with the suggested weights is in the JSON output (--format json), but read the cautions above first; nothing was applied.');
  });

  it('merges an outcomes file into an accounts file without outcomes: the same figures as one file with both', async () => {
    const together = await backtest('--config', config, '--accounts', accounts, '--format', 'json');
    const merged = await backtest('--config', config, '--accounts', `${dir}/metrics.csv`, '--outcomes', `${dir}/outcomes.csv`, '--format', 'json');
    expect(merged.code).toBe(0);
    expect(merged.stderr.split('\n')).toEqual([
      `${dir}/outcomes.csv: row 401 (line 402), column "Customer ID": no account has the id "acct-9001"`,
      `${dir}/outcomes.csv: row 402 (line 403), column "Customer ID": no account has the id "acct-9002"`,
      `${dir}/outcomes.csv: row 403 (line 404), column "Churned": expected a boolean (true/false, yes/no, y/n or 1/0), got "probably"`,
      '',
    ]);
    const [a, b] = [JSON.parse(together.stdout).report, JSON.parse(merged.stdout).report];
    expect(b.population).toEqual(a.population);
    expect(b.auc).toEqual(a.auc);
    expect(b.suggestion.weights).toEqual(a.suggestion.weights);
    expect(b.warnings[0]).toBe(`3 rows of ${dir}/outcomes.csv name no account of ${dir}/metrics.csv or could not be read, and were left out (listed on stderr).`);
  });

  it('refuses an outcomes file that names no account (exit 1) or names no account column (exit 2)', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'healthmark-outcomes-'));
    writeFileSync(join(tmp, 'strangers.csv'), 'id,churned\nx-1,yes\nx-2,no\n');
    writeFileSync(join(tmp, 'no-id.csv'), 'churned,churn_date\nyes,2025-01-01\n');
    const strangers = await backtest('--config', config, '--accounts', accounts, '--outcomes', join(tmp, 'strangers.csv'));
    expect({ code: strangers.code, stdout: strangers.stdout }).toEqual({ code: 1, stdout: '' });
    expect(strangers.stderr).toContain(`${join(tmp, 'strangers.csv')}: none of the 2 rows names a known account by its id (column "id"): no outcome was loaded.`);
    const noId = await backtest('--config', config, '--accounts', accounts, '--outcomes', join(tmp, 'no-id.csv'));
    expect({ code: noId.code, stdout: noId.stdout }).toEqual({ code: 2, stdout: '' });
    expect(noId.stderr).toMatch(/no-id\.csv: no column names the accounts/);
  });

  // Exit codes as for every command (docs/cli.md): 2 = could not run, 1 = the inputs have problems.
  it.each([
    [['--accounts', accounts], 2, 'healthmark backtest: both --config and --accounts are required (see --help)'],
    [['--config', config, '--accounts', `${dir}/missing.csv`], 2, `cannot read ${dir}/missing.csv: file not found`],
    [['--config', config, '--accounts', accounts, '--history', `${dir}/missing-history.csv`], 2, `cannot read ${dir}/missing-history.csv: file not found`],
    [['--config', config, '--accounts', accounts, '--history', `${dir}/history-bad.csv`], 1, `${dir}/history-bad.csv: 1 rows cannot be read: row 2 (line 3): day "2025-02-30" is not a date (YYYY-MM-DD)`],
    [['--config', config, '--accounts', accounts, '--lead-days', 'soon'], 2, 'healthmark backtest: --lead-days must be a whole number of days, not "soon"'],
    [['--config', config, '--accounts', accounts, '--format', 'xml'], 2, 'healthmark backtest: --format must be table or json, not "xml"'],
    [['--config', config, '--accounts', accounts, '--scorecard', 'smb'], 1, 'healthmark backtest: scorecard "smb" is not in the config (it has "default")'],
  ])('refuses bad input %#: %j', async (args, exit, message) => {
    const { code, stdout, stderr } = await backtest(...args);
    expect({ code, stdout }).toEqual({ code: exit, stdout: '' });
    expect(stderr.split('\n')).toContain(message);
  });

  it('says where a config file is not JSON, and names an invalid config\'s problems by path', async () => {
    const notJson = await backtest('--config', accounts, '--accounts', accounts);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(new RegExp(`^${accounts}: invalid JSON at line 1, column \\d+`));
    const invalid = `${dir}/config-invalid.json`;
    const run = await backtest('--config', invalid, '--accounts', accounts);
    expect(run).toEqual({ code: 1, stdout: '', stderr: `${invalid}: tiers[0].color: must be a colour like "#1e8e3e"\n` });
  });
});
