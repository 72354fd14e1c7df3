// The import's input as text, whatever it came as (a string, a File or Blob from the options page, a stream),
// and which format it is in when the source says 'auto'.

export type ImportInput = string | Blob | ReadableStream<Uint8Array | string>;
export type ImportFormat = 'csv' | 'json' | 'ndjson';

async function streamText(stream: ReadableStream<Uint8Array | string>): Promise<string> {
  const decoder = new TextDecoder();
  const reader = stream.getReader();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    text += typeof value === 'string' ? value : decoder.decode(value, { stream: true });
  }
}

/** The whole text, without a byte-order mark. */
export async function inputText(input: ImportInput): Promise<string> {
  const text = typeof input === 'string' ? input : input instanceof Blob ? await input.text() : await streamText(input);
  return text.startsWith('\ufeff') ? text.slice(1) : text;
}

const BY_EXTENSION: ReadonlyArray<[RegExp, ImportFormat]> = [
  [/\.(csv|tsv|txt)(\.gz)?$/i, 'csv'],
  [/\.json(\.gz)?$/i, 'json'],
  [/\.(ndjson|jsonl)(\.gz)?$/i, 'ndjson'],
];

const BY_CONTENT_TYPE: ReadonlyArray<[RegExp, ImportFormat]> = [
  [/^text\/(csv|tab-separated-values)/i, 'csv'],
  [/^application\/(x-)?(ndjson|jsonl|jsonlines|json-seq)/i, 'ndjson'],
  [/^application\/([\w.+-]*\+)?json/i, 'json'],
];

/**
 * The format named by a file name or URL path, else by a content type, else guessed from the text:
 * `[` starts JSON, `{` starts NDJSON when the first line is a whole object (JSON when it is the `{"accounts": […]}`
 * wrapper or spans lines), anything else is CSV.
 */
export function detectFormat(text: string, hints: { name?: string; contentType?: string } = {}): ImportFormat {
  const path = hints.name?.replace(/[?#].*$/, '');
  for (const [pattern, format] of BY_EXTENSION) if (path && pattern.test(path)) return format;
  for (const [pattern, format] of BY_CONTENT_TYPE) if (hints.contentType && pattern.test(hints.contentType)) return format;
  const start = text.trimStart();
  if (start.startsWith('[')) return 'json';
  if (!start.startsWith('{')) return 'csv';
  const newline = start.indexOf('\n');
  try {
    const first: unknown = JSON.parse(newline < 0 ? start : start.slice(0, newline));
    return Array.isArray((first as { accounts?: unknown }).accounts) ? 'json' : 'ndjson';
  } catch {
    return 'json';
  }
}
