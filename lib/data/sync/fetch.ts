// One HTTP fetch of a source with the global `fetch` (Node 20, MV3 service workers, pages): conditional request
// (ETag / Last-Modified → 304), timeout, size limit enforced while the body streams in, truncation detection,
// and a specific error for each way it can fail. Tokens never appear in a message.
import type { SourceAuth } from './source';
import { describeUrl, validateSourceUrl } from './url';

export type SyncErrorKind = 'url' | 'http' | 'timeout' | 'too-large' | 'truncated' | 'network' | 'encoding' | 'signature' | 'parse' | 'invalid';

export interface SyncError {
  kind: SyncErrorKind;
  message: string;
}

export interface FetchRequest {
  url: string;
  auth: SourceAuth;
  etag?: string | null;
  lastModified?: string | null;
}

export interface FetchLimits {
  /** Whole request, body included. Default 30 s. */
  timeoutMs?: number;
  /** Decompressed body size. Default 100 MB. */
  maxBytes?: number;
  fetch?: typeof fetch;
}

export type FetchOutcome =
  | { status: 'not-modified' }
  | { status: 'ok'; body: Bytes; etag: string | null; lastModified: string | null; contentType: string | null; signature: string | null }
  | { status: 'error'; error: SyncError };

/** Bytes backed by a plain ArrayBuffer, as WebCrypto and Blob take them. */
export type Bytes = Uint8Array<ArrayBuffer>;

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;
export const SIGNATURE_HEADER = 'X-Healthmark-Signature';

// Status lines are optional in HTTP/2, so the usual reason phrases are known here.
const REASONS: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 408: 'Request Timeout', 410: 'Gone',
  429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

const fail = (kind: SyncErrorKind, message: string): FetchOutcome => ({ status: 'error', error: { kind, message } });

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB` : bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} bytes`;
}

function authHeaders(auth: SourceAuth): Record<string, string> {
  if (auth.kind === 'bearer') return { Authorization: `Bearer ${auth.token}` };
  if (auth.kind === 'header') return { [auth.name]: auth.value };
  return {};
}

function secretsOf(auth: SourceAuth): string[] {
  return auth.kind === 'bearer' ? [auth.token] : auth.kind === 'header' ? [auth.value] : [];
}

/** Removes every secret from a message that came from elsewhere (an engine's error text). */
function redact(message: string, secrets: string[]): string {
  return secrets.reduce((text, secret) => (secret ? text.split(secret).join('[redacted]') : text), message);
}

function describeCause(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return cause instanceof Error ? cause.message : String(cause);
}

class BodyTooLarge extends Error {}

async function gunzip(bytes: Bytes, maxBytes: number): Promise<Bytes> {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return readLimited(stream.getReader(), maxBytes);
}

async function readLimited(reader: ReadableStreamDefaultReader<Uint8Array>, maxBytes: number, onChunk?: (total: number) => void): Promise<Bytes> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    onChunk?.(total);
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

const isGzip = (bytes: Uint8Array) => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/** Fetches a source once. Never throws: every failure is an `error` outcome with a sentence an admin can act on. */
export async function fetchSource(request: FetchRequest, limits: FetchLimits = {}): Promise<FetchOutcome> {
  const checked = validateSourceUrl(request.url);
  if (!checked.ok) return fail('url', checked.message);
  const where = describeUrl(checked.url);
  const timeoutMs = limits.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_BYTES;
  const secrets = secretsOf(request.auth);
  const headers: Record<string, string> = { ...authHeaders(request.auth) };
  if (request.etag) headers['If-None-Match'] = request.etag;
  if (request.lastModified) headers['If-Modified-Since'] = request.lastModified;

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const tooLarge = () => fail('too-large', `${where} is larger than the ${formatBytes(maxBytes)} limit`);
  let declared: number | null = null;
  let received = 0;
  const truncated = (announced: number) =>
    fail('truncated', `the body from ${where} ended after ${formatBytes(received)} of the ${formatBytes(announced)} announced`);
  try {
    const response = await (limits.fetch ?? fetch)(checked.url, { headers, signal: controller.signal });
    const final = response.url ? validateSourceUrl(response.url) : checked;
    if (!final.ok) return fail('url', `${where} redirected to a URL sources may not use: ${final.message}`);
    if (response.status === 304) return { status: 'not-modified' };
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      const reason = response.statusText || REASONS[response.status] || '';
      const hint = response.status === 401 || response.status === 403 ? ' (check the source\'s token or header)' : '';
      return fail('http', `HTTP ${response.status}${reason ? ` ${reason}` : ''} from ${where}${hint}`);
    }
    const encoded = (response.headers.get('content-encoding') ?? 'identity').toLowerCase() !== 'identity';
    const length = response.headers.get('content-length');
    // With a content encoding, Content-Length counts compressed bytes: it can neither bound nor check the body.
    declared = !encoded && length !== null && /^\d+$/.test(length) ? Number(length) : null;
    if (declared !== null && declared > maxBytes) return tooLarge();
    let body = response.body ? await readLimited(response.body.getReader(), maxBytes, (total) => (received = total)) : new Uint8Array(0);
    if (declared !== null && body.byteLength !== declared) return truncated(declared);
    if (isGzip(body)) {
      const inflated = await gunzip(body, maxBytes).catch((error: unknown) => (error instanceof BodyTooLarge ? Promise.reject(error) : null));
      if (!inflated) return fail('encoding', `the body from ${where} starts like gzip but does not decompress`);
      body = inflated;
    }
    return {
      status: 'ok',
      body,
      etag: response.headers.get('etag'),
      lastModified: response.headers.get('last-modified'),
      contentType: response.headers.get('content-type'),
      signature: response.headers.get(SIGNATURE_HEADER),
    };
  } catch (error) {
    if (error instanceof BodyTooLarge) return tooLarge();
    if (timedOut) return fail('timeout', `timed out after ${timeoutMs / 1000} s waiting for ${where}`);
    if (declared !== null && received < declared) return truncated(declared);
    return fail('network', redact(`network error reaching ${where}: ${describeCause(error)}`, secrets));
  } finally {
    clearTimeout(timer);
  }
}
