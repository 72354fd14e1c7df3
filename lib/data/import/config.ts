// A config file's text → a validated config, or a syntax error with its position, or the config's problems.
import { type ScoringConfig, validateConfig } from '../../scoring';
import type { ConfigIssue } from '../../scoring/types';
import { describeJsonError } from './json-error';

export type ConfigTextResult =
  | { ok: true; config: ScoringConfig }
  | { ok: false; kind: 'syntax'; message: string }
  | { ok: false; kind: 'invalid'; issues: ConfigIssue[] };

export function parseConfigText(text: string): ConfigTextResult {
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  let input: unknown;
  try {
    input = JSON.parse(body);
  } catch (error) {
    return { ok: false, kind: 'syntax', message: describeJsonError(body, error) };
  }
  const result = validateConfig(input);
  return result.ok ? result : { ok: false, kind: 'invalid', issues: result.issues };
}
