// One sync of one source: fetch (conditional), verify the signature when a key is pinned, decode, parse (config
// or account data through the shared import) and compute the source's next state. Nothing is stored here: the
// caller applies the config or accounts and only then saves `state` (so a failed apply is fetched again).
import type { ScoringConfig } from '../../scoring';
import { type ImportResult, type MetricCatalogueEntry, type RowError, formatRowError, importAccounts, parseConfigText } from '../import';
import { type Bytes, type FetchLimits, type SyncError, fetchSource } from './fetch';
import { nextAttemptAt } from './schedule';
import { findSignature, importPublicKey, verifySignature } from './signature';
import type { SourceDefinition, SourceState } from './source';
import { measure } from '../timing';
import { describeUrl } from './url';

export interface SyncOptions extends FetchLimits {
  now?: Date;
  /** Jitter source for the retry schedule. */
  random?: () => number;
  /** Metrics sources: the active config's metrics catalogue. */
  catalogue?: readonly MetricCatalogueEntry[];
}

export type SyncResult =
  | { outcome: 'not-modified'; state: SourceState }
  | { outcome: 'config'; config: ScoringConfig; text: string; state: SourceState }
  | { outcome: 'metrics'; imported: ImportResult & { ok: true }; state: SourceState }
  | { outcome: 'error'; error: SyncError; state: SourceState; rowErrors: RowError[] };

const LISTED = 5;

function listSome(items: string[]): string {
  return items.slice(0, LISTED).join('; ') + (items.length > LISTED ? `; and ${items.length - LISTED} more` : '');
}

type ParsedBody =
  | { ok: true; result: { outcome: 'config'; config: ScoringConfig; text: string } | { outcome: 'metrics'; imported: ImportResult & { ok: true } } }
  | { ok: false; error: SyncError; rowErrors?: RowError[] };

async function parseBody(source: SourceDefinition, text: string, contentType: string | null, options: SyncOptions, now: Date): Promise<ParsedBody> {
  const where = describeUrl(new URL(source.url));
  if (source.kind === 'config') {
    const parsed = parseConfigText(text);
    if (parsed.ok) return { ok: true, result: { outcome: 'config', config: parsed.config, text } };
    if (parsed.kind === 'syntax') return { ok: false, error: { kind: 'parse', message: `the config from ${where} is not JSON: ${parsed.message}` } };
    return { ok: false, error: { kind: 'invalid', message: `the config from ${where} is not valid: ${listSome(parsed.issues.map((i) => `${i.path}: ${i.message}`))}` } };
  }
  if (!options.catalogue) return { ok: false, error: { kind: 'invalid', message: `account data from ${where} needs an active config to read its metrics: sync or apply a config first` } };
  const imported = await importAccounts(text, {
    catalogue: options.catalogue,
    format: source.format,
    name: new URL(source.url).pathname,
    ...(contentType ? { contentType } : {}),
    mapping: source.mapping,
    ...(source.decimal ? { decimal: source.decimal } : {}),
    ...(source.dateOrder ? { dateOrder: source.dateOrder } : {}),
    ...(source.delimiter ? { delimiter: source.delimiter } : {}),
    defaultAsOf: now.toISOString(),
  });
  if (imported.ok) return { ok: true, result: { outcome: 'metrics', imported } };
  const rows = imported.errors.length > 0 ? ` (${listSome(imported.errors.map(formatRowError))})` : '';
  return { ok: false, error: { kind: 'parse', message: `account data from ${where}: ${imported.error}${rows}` }, rowErrors: imported.errors };
}

async function checkSignature(source: SourceDefinition & { publicKey: string }, body: Bytes, header: string | null, options: SyncOptions): Promise<SyncError | null> {
  const key = await importPublicKey(source.publicKey);
  if (!key.ok) return key.error;
  const found = await findSignature(source.url, source.auth, header, options);
  if (!found.ok) return found.error;
  const problem = await verifySignature(key.key, body, found.signature);
  return problem ? { kind: 'signature', message: `refused ${describeUrl(new URL(source.url))}: ${problem}` } : null;
}

/** Fetches and reads one source. Never throws; on failure the state carries the error and the backoff. */
export async function syncSource(source: SourceDefinition, state: SourceState, options: SyncOptions = {}): Promise<SyncResult> {
  const now = options.now ?? new Date();
  const at = now.toISOString();
  const succeeded = (etag: string | null, lastModified: string | null): SourceState => ({
    etag,
    lastModified,
    lastSuccessAt: at,
    lastAttemptAt: at,
    nextAttemptAt: nextAttemptAt(now, 0, source.scheduleMinutes).toISOString(),
    consecutiveFailures: 0,
    lastError: null,
  });
  const failed = (error: SyncError, rowErrors: RowError[] = []): SyncResult => {
    const consecutiveFailures = state.consecutiveFailures + 1;
    const next = nextAttemptAt(now, consecutiveFailures, source.scheduleMinutes, options.random);
    return { outcome: 'error', error, rowErrors, state: { ...state, lastAttemptAt: at, nextAttemptAt: next.toISOString(), consecutiveFailures, lastError: error.message } };
  };

  const fetching = performance.now();
  const fetched = await fetchSource({ url: source.url, auth: source.auth, etag: state.etag, lastModified: state.lastModified }, options);
  measure('sync:fetch', fetching);
  if (fetched.status === 'error') return failed(fetched.error);
  if (fetched.status === 'not-modified') return { outcome: 'not-modified', state: succeeded(state.etag, state.lastModified) };

  if (source.publicKey) {
    const problem = await checkSignature({ ...source, publicKey: source.publicKey }, fetched.body, fetched.signature, options);
    if (problem) return failed(problem);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(fetched.body);
  } catch {
    return failed({ kind: 'encoding', message: `the body from ${describeUrl(new URL(source.url))} is not valid UTF-8 text` });
  }
  const reading = performance.now();
  const parsed = await parseBody(source, text, fetched.contentType, options, now);
  measure('sync:read', reading);
  if (!parsed.ok) return failed(parsed.error, parsed.rowErrors);
  return { ...parsed.result, state: succeeded(fetched.etag, fetched.lastModified) };
}
