// validateConfig: structure (zod), key references (on the raw input, so they show up next to type errors),
// then the checks that need a structurally valid config.
// It never throws and reports every problem it can find, each with a path and a sentence.
import type { z } from 'zod';
import { configSchema, type ScoringConfig } from './schema';
import { referenceIssues } from './references';
import { semanticIssues } from './semantics';
import type { ConfigIssue } from './types';
import { errorMessage } from '../errors';

export type ValidationResult = { ok: true; config: ScoringConfig } | { ok: false; issues: ConfigIssue[] };

export function validateConfig(input: unknown): ValidationResult {
  try {
    const parsed = configSchema.safeParse(input, { error: messageFor });
    const references = referenceIssues(input);
    if (!parsed.success) return { ok: false, issues: dedupe([...parsed.error.issues.map(toConfigIssue), ...references]) };
    const issues = [...references, ...semanticIssues(parsed.data)];
    return issues.length > 0 ? { ok: false, issues } : { ok: true, config: parsed.data };
  } catch (error) {
    // Only hostile input (throwing getters, proxies) gets here; still answer with an issue, never a throw.
    return { ok: false, issues: [{ path: 'config', message: `could not be read: ${errorMessage(error)}` }] };
  }
}

/** `['scorecards', 1, 'measures', 2, 'bands']` → `scorecards[1].measures[2].bands`; the root is `config`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? 'config' : out;
}

function toConfigIssue(issue: z.core.$ZodIssue): ConfigIssue {
  return { path: formatPath(issue.path), message: issue.message };
}

function dedupe(issues: ConfigIssue[]): ConfigIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const id = `${i.path}\u0000${i.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function describeInput(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'number') return Number.isNaN(input) ? 'NaN' : Number.isFinite(input) ? `the number ${input}` : 'an infinite number';
  if (typeof input === 'string') return input.length > 40 ? 'a long text' : `the text "${input}"`;
  if (typeof input === 'object') return 'an object';
  return `a ${typeof input}`;
}

const EXPECTED: Record<string, string> = {
  number: 'a number',
  string: 'a text',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  record: 'an object',
  int: 'a whole number',
};

function oneOf(values: readonly unknown[]): string {
  const shown = values.map((v) => JSON.stringify(v));
  return shown.length > 2 ? `one of ${shown.join(', ')}` : shown.join(' or ');
}

/** A plain union (`string | number`): list what each branch expected. */
function describeUnion(branches: readonly (readonly z.core.$ZodIssue[])[] | undefined): string {
  const expected = (branches ?? []).flatMap((b) => b.flatMap((i) => (i.code === 'invalid_type' ? [EXPECTED[i.expected] ?? i.expected] : [])));
  return expected.length > 0 ? [...new Set(expected)].join(' or ') : 'another form';
}

function messageFor(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `is required (${EXPECTED[issue.expected] ?? issue.expected})`;
      return `expected ${EXPECTED[issue.expected] ?? issue.expected}, got ${describeInput(issue.input)}`;
    case 'too_small':
      return issue.origin === 'array'
        ? `needs at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}`
        : issue.origin === 'string'
          ? `needs at least ${issue.minimum} character${issue.minimum === 1 ? '' : 's'}`
          : `must be ${issue.inclusive ? 'at least' : 'above'} ${issue.minimum}, got ${describeInput(issue.input)}`;
    case 'too_big':
      return issue.origin === 'array'
        ? `allows at most ${issue.maximum} items`
        : issue.origin === 'string'
          ? `allows at most ${issue.maximum} characters`
          : `must be ${issue.inclusive ? 'at most' : 'below'} ${issue.maximum}, got ${describeInput(issue.input)}`;
    case 'invalid_value':
      return `must be ${oneOf(issue.values)}, got ${describeInput(issue.input)}`;
    case 'unrecognized_keys':
      return `has unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_union': {
      // A discriminated union (measure "type"): name the value found under the discriminator.
      const { options, discriminator } = issue as { options?: unknown[]; discriminator?: string };
      if (Array.isArray(options) && discriminator) {
        const input = issue.input;
        const found = input !== null && typeof input === 'object' ? (input as Record<string, unknown>)[discriminator] : input;
        return `must be ${oneOf(options)}, got ${describeInput(found)}`;
      }
      return `expected ${describeUnion(issue.errors)}, got ${describeInput(issue.input)}`;
    }
    default:
      return undefined;
  }
}
