// The real `healthmark` binary, run as a subprocess on fixture files: exit codes and output lines.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

// Each run starts Node and tsx: allow for a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const root = fileURLToPath(new URL('../../..', import.meta.url));
const fixtures = 'test/fixtures/imports';

interface Run {
  code: number;
  out: string[];
  err: string[];
}

function healthmark(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['lib/cli/healthmark.mjs', ...args], { cwd: root, timeout: 60_000 }, (error, stdout, stderr) => {
      const lines = (text: string) => text.split('\n').filter((l) => l !== '');
      resolve({ code: error ? Number(error.code ?? 1) : 0, out: lines(stdout), err: lines(stderr) });
    });
  });
}

describe('healthmark validate', () => {
  it('says a valid config is valid, with its name and version', async () => {
    expect(await healthmark('validate', `${fixtures}/config-small.json`)).toEqual({ code: 0, out: ['valid: Fixture health 1.0'], err: [] });
  });

  it('lists every problem of an invalid config as path: message and exits 1', async () => {
    const run = await healthmark('validate', `${fixtures}/config-invalid.json`);
    expect(run.code).toBe(1);
    for (const line of run.out) expect(line).toMatch(/^[\w.[\]]+: \S/);
    expect(run.out.map((l) => l.slice(0, l.indexOf(':')))).toEqual(
      expect.arrayContaining(['scorecards[0].measures[0].metric', 'scorecards[0].measures[1].max', 'tiers[0].color', 'tiers[1].min']),
    );
    expect(run.out).toContain('tiers[1].min: leaves a gap: scores 50–59 have no tier (tiers are listed from lowest to highest)');
  });

  it('exits 2 with the position when the file is not JSON', async () => {
    expect(await healthmark('validate', `${fixtures}/config-not-json.json`)).toEqual({
      code: 2,
      out: [],
      err: [`${fixtures}/config-not-json.json: invalid JSON at line 4, column 3: Expected ',' or '}' after property value`],
    });
  });

  it('exits 2 when the file is missing', async () => {
    expect(await healthmark('validate', 'missing.json')).toEqual({ code: 2, out: [], err: ['cannot read missing.json: file not found'] });
  });

  it('exits 2 without a file and prints help with --help', async () => {
    expect((await healthmark('validate')).code).toBe(2);
    const help = await healthmark('validate', '--help');
    expect(help.code).toBe(0);
    expect(help.out[0]).toBe('Usage: healthmark validate <config.json>');
  });
});

describe('healthmark score', () => {
  const small = `--config=${fixtures}/config-small.json`;

  it('scores a CRM export with the default preset as a table', async () => {
    const run = await healthmark('score', '--config', 'public/presets/default.json', '--accounts', `${fixtures}/crm-export.csv`, '--date-order', 'dmy', '--now', '2024-10-16');
    expect(run.code).toBe(0);
    expect(run.err).toEqual([]);
    expect(run.out[0]).toMatch(/^ID +NAME +SCORE +TIER +COVERAGE +SCORECARD +FLAGS$/);
    expect(run.out.slice(1).map((l) => l.split(/\s+/)[0])).toEqual(['A-1001', 'A-1002', 'A-1003', 'A-1004', 'A-1005', 'A-1006', 'A-1007', 'A-1008']);
    expect(run.out.find((l) => l.startsWith('A-1007'))).toContain('<script>alert(1)</script>');
  });

  it('reports the bad row on stderr by row and line, scores the others and exits 1', async () => {
    const run = await healthmark('score', small, `--accounts=${fixtures}/bad-row.csv`, '--now=2024-10-16');
    expect(run.code).toBe(1);
    expect(run.err).toEqual([`${fixtures}/bad-row.csv: row 2 (line 3), column "logins_per_week": expected a number, got "lots"`]);
    expect(run.out.slice(1).map((l) => l.split(/\s+/)[0])).toEqual(['B-1', 'B-3']);
  });

  it('explains each measure, the drivers and the next tier in JSON', async () => {
    const run = await healthmark('score', small, `--accounts=${fixtures}/bad-row.csv`, '--now=2024-10-16', '--format=json', '--explain');
    const results = JSON.parse(run.out.join('\n')) as { id: string; score: number; tier: string; explanation: { measures: { metric: string; contribution: number }[]; driversDown: unknown[] } }[];
    expect(results.map((r) => [r.id, r.tier])).toEqual([
      ['B-1', 'healthy'],
      ['B-3', 'watch'],
    ]);
    for (const r of results) {
      expect(r.explanation.measures.map((m) => m.metric)).toEqual(['logins_per_week', 'nps', 'active_seats_pct']);
      // The score is the sum of contributions, rounded to an integer.
      expect(Math.abs(r.explanation.measures.reduce((sum, m) => sum + m.contribution, 0) - r.score)).toBeLessThanOrEqual(0.5);
    }
    expect(results[1]!.explanation.driversDown).toHaveLength(1);
  });

  it('writes CSV, escaping cells a spreadsheet would run as formulas', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'healthmark-cli-'));
    const accounts = join(dir, 'accounts.ndjson');
    writeFileSync(accounts, '{"id":"A","name":"=HYPERLINK(\\"http://x\\")","nps":10}\n');
    const run = await healthmark('score', small, `--accounts=${accounts}`, '--format=csv');
    expect(run.code).toBe(0);
    expect(run.out[0]).toBe('id,name,score,tier,status,coverage,scorecard,flags');
    expect(run.out[1]).toMatch(/^A,"'=HYPERLINK\(""http:\/\/x""\)",\d+,/);
  });

  it('adds table lines for measures and drivers with --explain', async () => {
    const run = await healthmark('score', small, `--accounts=${fixtures}/accounts.ndjson`, '--now=2024-10-16', '--explain');
    expect(run.out).toContain('    NPS: 7 → 57.0, weight 33%, +19.0 points');
    expect(run.out).toContain('    Active seats: missing (absent)');
    expect(run.out.some((l) => l.startsWith('    next tier (Watch): '))).toBe(true);
  });

  it.each([
    [['score', small], 'healthmark score: both --config and --accounts are required'],
    [['score', small, `--accounts=${fixtures}/bad-row.csv`, '--format=xml'], 'healthmark score: --format must be table, csv or json, not "xml"'],
    [['score', small, `--accounts=${fixtures}/bad-row.csv`, '--now=yesterday'], 'healthmark score: --now must be a date like 2024-10-16, not "yesterday"'],
    [['score', small, '--accounts=none.csv'], 'cannot read none.csv: file not found'],
    [['score', '--bogus'], "healthmark score: Unknown option '--bogus'."],
  ])('exits 2 on %j', async (args, message) => {
    const run = await healthmark(...args);
    expect(run.code).toBe(2);
    expect(run.err[0]?.startsWith(message)).toBe(true);
  });
});

describe('healthmark', () => {
  it('lists its commands with --help', async () => {
    const run = await healthmark('--help');
    expect(run.code).toBe(0);
    expect(run.out).toEqual(expect.arrayContaining(['  validate  check a scoring config file', '  score     score every account of a CSV, JSON or NDJSON file']));
  });

  it('exits 2 on an unknown command', async () => {
    const run = await healthmark('frobnicate');
    expect(run.code).toBe(2);
    expect(run.err[0]).toBe('healthmark: unknown command "frobnicate"');
  });
});
