// Where a JSON syntax error is, as line and column, whatever engine produced the message:
// V8 says "at position 42" (newer ones add "(line 3 column 5)"), SpiderMonkey "at line 3 column 5".

export interface JsonSyntaxError {
  line: number;
  column: number;
  /** The engine's sentence without its own position. */
  reason: string;
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  return { line, column: position - before.lastIndexOf('\n') };
}

export function locateJsonError(text: string, error: unknown): JsonSyntaxError {
  const message = error instanceof Error ? error.message : String(error);
  const reason = message
    .replace(/^JSON\.parse: /, '')
    .replace(/, (\.\.\.)?"[^]*$/, '')
    .replace(/ (in JSON )?at position \d+.*$/, '')
    .replace(/ at line \d+ column \d+ of the JSON data$/, '');
  const explicit = /line (\d+) column (\d+)/.exec(message);
  if (explicit) return { line: Number(explicit[1]), column: Number(explicit[2]), reason };
  const position = /at position (\d+)/.exec(message)?.[1];
  return { ...lineAndColumn(text, position !== undefined ? Number(position) : firstBadOffset(text, message)), reason };
}

/** True when the prefix has an error of its own, not one that only says the text ended too soon. */
function failsBeforeEnd(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return false;
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    const at = /at position (\d+)/.exec(message)?.[1];
    return !message.includes('Unexpected end') && (at === undefined || Number(at) < prefix.length);
  }
}

const isFirstBad = (text: string, offset: number) => failsBeforeEnd(text.slice(0, offset + 1)) && !failsBeforeEnd(text.slice(0, offset));

/**
 * Some V8 messages ("Unexpected token 'x', …"x]" is not valid JSON") name no position. In long texts V8 quotes
 * ten characters either side of the error: when that excerpt occurs once, two parses confirm the spot. Otherwise
 * the shortest prefix that fails for a reason other than ending too soon is found by bisection.
 */
function firstBadOffset(text: string, message: string): number {
  const excerpt = /, \.\.\."([^]{10,})"(?:\.\.\.)? is not valid JSON$/.exec(message)?.[1];
  if (excerpt !== undefined) {
    const at = text.indexOf(excerpt);
    if (at >= 0 && at === text.lastIndexOf(excerpt) && isFirstBad(text, at + 10)) return at + 10;
  }
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (failsBeforeEnd(text.slice(0, mid + 1))) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** "invalid JSON at line 3, column 5: Expected ',' or '}' after property value" */
export function describeJsonError(text: string, error: unknown): string {
  const { line, column, reason } = locateJsonError(text, error);
  return `invalid JSON at line ${line}, column ${column}: ${reason}`;
}
