// Score results as a table (people), CSV (spreadsheets) or JSON (scripts). Text from the data file is printed as
// plain text: control characters are flattened in the table, and CSV cells that a spreadsheet would run as a
// formula are escaped.
import Papa from 'papaparse';
import type { ImportedAccount } from '../data/import';
import type { ScoreResult } from '../scoring/types';

export interface Scored {
  account: ImportedAccount;
  result: ScoreResult;
}

export type OutputFormat = 'table' | 'csv' | 'json';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'csv', 'json'];

const percent = (share: number) => `${Math.round(share * 100)}%`;
const signed = (n: number) => `${n >= 0 ? '+' : ''}${n.toFixed(1)}`;

function summary({ account, result }: Scored) {
  return {
    id: account.id,
    name: account.name,
    score: result.score,
    tier: result.tier?.key ?? null,
    status: result.status,
    coverage: Math.round(result.coverage * 1000) / 1000,
    scorecard: result.scorecard.key,
    flags: result.flags.map((f) => f.key),
  };
}

function explanationLines(result: ScoreResult): string[] {
  const e = result.explanation;
  return [
    ...e.measures.map((m) =>
      m.actionValue === null
        ? `${m.label}: missing (${m.missing ?? 'absent'})`
        : `${m.label}: ${String(m.raw)} → ${m.actionValue.toFixed(1)}, weight ${percent(m.effectiveWeight)}, ${signed(m.contribution)} points`,
    ),
    ...e.driversUp.map((d) => `up: ${d.text}`),
    ...e.driversDown.map((d) => `down: ${d.text}`),
    ...(e.nextTier ? [`next tier (${e.nextTier.tier.label}): ${e.nextTier.text}`] : []),
  ];
}

function plain(text: string, max = 40): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function table(rows: Scored[], explain: boolean): string[] {
  const header = ['ID', 'NAME', 'SCORE', 'TIER', 'COVERAGE', 'SCORECARD', 'FLAGS'];
  const cells = rows.map(({ account, result }) => [
    plain(account.id),
    plain(account.name),
    result.score === null ? '-' : String(result.score),
    result.tier ? plain(result.tier.label) : result.status === 'insufficient' ? 'insufficient data' : '-',
    percent(result.coverage),
    plain(result.scorecard.label),
    result.flags.map((f) => f.key).join(', '),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), ...cells.flatMap((c, i) => [line(c), ...(explain ? explanationLines(rows[i]!.result).map((l) => `    ${plain(l, 200)}`) : [])])];
}

function csv(rows: Scored[], explain: boolean): string[] {
  const data = rows.map((row) => {
    const s = summary(row);
    const base = { ...s, score: s.score ?? '', tier: s.tier ?? '', flags: s.flags.join(';') };
    if (!explain) return base;
    const e = row.result.explanation;
    return { ...base, drivers_up: e.driversUp.map((d) => d.text).join('; '), drivers_down: e.driversDown.map((d) => d.text).join('; '), next_tier: e.nextTier?.text ?? '' };
  });
  return [Papa.unparse(data, { escapeFormulae: true, newline: '\n' })];
}

export function render(rows: Scored[], format: OutputFormat, explain: boolean): string[] {
  if (format === 'table') return table(rows, explain);
  if (format === 'csv') return csv(rows, explain);
  return [JSON.stringify(rows.map((row) => ({ ...summary(row), ...(explain ? { explanation: row.result.explanation } : {}) })), null, 2)];
}
