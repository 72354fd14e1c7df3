// Loads a config file for any command: missing or unreadable and not-JSON are "cannot run" (exit 2); a config
// that parses but fails validation lists every problem as `path: message` (exit 1).
import type { ScoringConfig } from '../scoring';
import { parseConfigText } from '../data/import';
import { type CliIo, EXIT, readTextFile } from './command';

export async function loadConfigFile(path: string, io: CliIo, problems: (line: string) => void): Promise<{ config: ScoringConfig } | { exit: number }> {
  const file = await readTextFile(path);
  if (!file.ok) {
    io.err(file.message);
    return { exit: EXIT.unusable };
  }
  const parsed = parseConfigText(file.text);
  if (parsed.ok) return { config: parsed.config };
  if (parsed.kind === 'syntax') {
    io.err(`${path}: ${parsed.message}`);
    return { exit: EXIT.unusable };
  }
  for (const issue of parsed.issues) problems(`${issue.path}: ${issue.message}`);
  return { exit: EXIT.problems };
}
