// Key checks that read the raw input defensively, so they are reported even when other parts of the config
// have type errors: duplicate keys, and measures or rules naming a metric the catalogue does not have.
import type { ConfigIssue } from './types';

type Report = (path: string, message: string) => void;

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const field = (v: unknown, name: string): unknown =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>)[name] : undefined;
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const keysOf = (items: unknown[], name = 'key') => items.map((item) => text(field(item, name)));

export function referenceIssues(input: unknown): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const report: Report = (path, message) => issues.push({ path, message });
  const metricKeys = keysOf(list(field(input, 'metrics')));
  const known = new Set(metricKeys.filter((k): k is string => k !== undefined));

  checkUnique(metricKeys, 'metrics', 'metric', report);
  checkUnique(keysOf(list(field(input, 'tiers'))), 'tiers', 'tier', report);
  checkUnique(keysOf(list(field(input, 'scorecards'))), 'scorecards', 'scorecard', report);
  checkUnique(keysOf(list(field(input, 'flags'))), 'flags', 'flag', report);

  list(field(input, 'scorecards')).forEach((card, i) => {
    const measures = list(field(card, 'measures'));
    checkUnique(keysOf(list(field(card, 'groups'))), `scorecards[${i}].groups`, 'group', report);
    checkUnique(measures.map((m) => text(field(m, 'key')) ?? text(field(m, 'metric'))), `scorecards[${i}].measures`, 'measure', report);
    measures.forEach((m, j) => checkKnown(field(m, 'metric'), `scorecards[${i}].measures[${j}].metric`, known, report));
  });
  list(field(input, 'flags')).forEach((flag, i) =>
    list(field(flag, 'when')).forEach((c, j) => checkKnown(field(c, 'metric'), `flags[${i}].when[${j}].metric`, known, report)),
  );
  return issues;
}

function checkUnique(keys: (string | undefined)[], path: string, noun: string, report: Report): void {
  const first = new Map<string, number>();
  keys.forEach((key, i) => {
    if (key === undefined) return;
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, i);
    else report(`${path}[${i}].key`, `duplicate ${noun} key "${key}" (also ${path}[${earlier}])`);
  });
}

function checkKnown(key: unknown, path: string, known: Set<string>, report: Report): void {
  if (typeof key !== 'string' || known.has(key)) return;
  const names = [...known];
  report(path, `unknown metric "${key}"; known metrics: ${names.slice(0, 20).join(', ')}${names.length > 20 ? ', …' : ''}`);
}
