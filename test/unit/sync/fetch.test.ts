import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type FetchOutcome, fetchSource } from '../../../lib/data/sync';
import { startServer, useTestServer } from './server';

const server = useTestServer();

const none = { kind: 'none' } as const;
const text = (outcome: FetchOutcome) => (outcome.status === 'ok' ? new TextDecoder().decode(outcome.body) : outcome.status);
const errorOf = (outcome: FetchOutcome) => (outcome.status === 'error' ? outcome.error : null);

describe('conditional requests', () => {
  it('answers 200 with the ETag, then sends If-None-Match and reports not-modified on 304', async () => {
    server().routes.set('/data.csv', (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return res.writeHead(304).end();
      res.writeHead(200, { ETag: '"v1"', 'Content-Type': 'text/csv' }).end('id,name\nA,Alpha\n');
    });
    const first = await fetchSource({ url: server().url('/data.csv'), auth: none });
    expect(first).toMatchObject({ status: 'ok', etag: '"v1"', contentType: 'text/csv', lastModified: null });
    expect(text(first)).toBe('id,name\nA,Alpha\n');
    const second = await fetchSource({ url: server().url('/data.csv'), auth: none, etag: '"v1"' });
    expect(second).toEqual({ status: 'not-modified' });
    expect(server().requests.map((r) => r.headers['if-none-match'])).toEqual([undefined, '"v1"']);
  });

  it('sends If-Modified-Since from Last-Modified', async () => {
    const stamp = 'Wed, 16 Oct 2024 08:00:00 GMT';
    server().routes.set('/c.json', (req, res) => {
      if (req.headers['if-modified-since'] === stamp) return res.writeHead(304).end();
      res.writeHead(200, { 'Last-Modified': stamp }).end('{}');
    });
    const first = await fetchSource({ url: server().url('/c.json'), auth: none });
    expect(first).toMatchObject({ status: 'ok', lastModified: stamp });
    expect(await fetchSource({ url: server().url('/c.json'), auth: none, lastModified: stamp })).toEqual({ status: 'not-modified' });
  });
});

describe('failures', () => {
  it('names the HTTP status, its text and the URL without its query', async () => {
    server().routes.set('/data.csv', (_req, res) => res.writeHead(500).end('boom'));
    const outcome = await fetchSource({ url: `${server().url('/data.csv')}?token=abc`, auth: none });
    expect(errorOf(outcome)).toEqual({ kind: 'http', message: `HTTP 500 Internal Server Error from ${server().url('/data.csv')}` });
  });

  it('points at the token on 401 and 403', async () => {
    server().routes.set('/x', (_req, res) => res.writeHead(403).end());
    expect(errorOf(await fetchSource({ url: server().url('/x'), auth: none }))?.message).toBe(`HTTP 403 Forbidden from ${server().url('/x')} (check the source's token or header)`);
  });

  it('times out on a response that never comes', async () => {
    server().routes.set('/hang', () => undefined);
    const outcome = await fetchSource({ url: server().url('/hang'), auth: none }, { timeoutMs: 200 });
    expect(errorOf(outcome)).toEqual({ kind: 'timeout', message: `timed out after 0.2 s waiting for ${server().url('/hang')}` });
  });

  it('times out on a body that stops half-way', async () => {
    server().routes.set('/slow', (_req, res) => {
      res.writeHead(200, { 'Content-Length': '100' });
      res.write('id,name\n');
    });
    expect(errorOf(await fetchSource({ url: server().url('/slow'), auth: none }, { timeoutMs: 200 }))?.kind).toBe('timeout');
  });

  it('detects a body shorter than its Content-Length', async () => {
    server().routes.set('/short', (_req, res) => {
      res.writeHead(200, { 'Content-Length': '1000' });
      res.write('id,name\nA,Alpha\n');
      res.socket?.end();
    });
    expect(errorOf(await fetchSource({ url: server().url('/short'), auth: none }))).toEqual({
      kind: 'truncated',
      message: `the body from ${server().url('/short')} ended after 16 bytes of the 1000 bytes announced`,
    });
  });

  it('refuses a body announced larger than the limit before reading it', async () => {
    server().routes.set('/big', (_req, res) => res.writeHead(200, { 'Content-Length': String(2048) }).end('x'.repeat(2048)));
    expect(errorOf(await fetchSource({ url: server().url('/big'), auth: none }, { maxBytes: 1024 }))).toEqual({
      kind: 'too-large',
      message: `${server().url('/big')} is larger than the 1 KB limit`,
    });
  });

  it('stops reading a streamed body once it passes the limit', async () => {
    let written = 0;
    server().routes.set('/stream', (_req, res) => {
      res.writeHead(200);
      const chunk = 'x'.repeat(64 * 1024);
      const pump = () => {
        while (written < 50 * 1024 * 1024 && !res.destroyed && res.write(chunk)) written += chunk.length;
        if (written < 50 * 1024 * 1024 && !res.destroyed) res.once('drain', pump);
        else res.end();
      };
      pump();
    });
    const outcome = await fetchSource({ url: server().url('/stream'), auth: none }, { maxBytes: 256 * 1024 });
    expect(errorOf(outcome)?.kind).toBe('too-large');
    expect(written).toBeLessThan(50 * 1024 * 1024);
  });

  it('reports a refused connection as a network error', async () => {
    const closed = await startServer();
    const url = closed.url('/x');
    await closed.close();
    expect(errorOf(await fetchSource({ url, auth: none }))?.message).toMatch(new RegExp(`^network error reaching ${url.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: .*ECONNREFUSED`));
  });

  it('refuses an insecure URL before any request', async () => {
    expect(errorOf(await fetchSource({ url: 'http://data.example.com/x.csv', auth: none }))?.kind).toBe('url');
  });
});

describe('bodies and authentication', () => {
  it('accepts gzip, whether the server says Content-Encoding or serves a .gz file', async () => {
    const csv = 'id,name\nA,Alpha\n';
    server().routes.set('/enc.csv', (_req, res) => res.writeHead(200, { 'Content-Encoding': 'gzip' }).end(gzipSync(csv)));
    server().routes.set('/file.csv.gz', (_req, res) => res.writeHead(200, { 'Content-Type': 'application/gzip' }).end(gzipSync(csv)));
    expect(text(await fetchSource({ url: server().url('/enc.csv'), auth: none }))).toBe(csv);
    expect(text(await fetchSource({ url: server().url('/file.csv.gz'), auth: none }))).toBe(csv);
  });

  it('applies the size limit to the decompressed body', async () => {
    server().routes.set('/bomb.gz', (_req, res) => res.writeHead(200).end(gzipSync('x'.repeat(1024 * 1024))));
    expect(errorOf(await fetchSource({ url: server().url('/bomb.gz'), auth: none }, { maxBytes: 64 * 1024 }))?.kind).toBe('too-large');
  });

  it('sends a bearer token and a custom header, and never puts them in a message', async () => {
    server().routes.set('/secure', (_req, res) => res.writeHead(401).end());
    const bearer = await fetchSource({ url: server().url('/secure'), auth: { kind: 'bearer', token: 'tok-SECRET-1' } });
    const header = await fetchSource({ url: server().url('/secure'), auth: { kind: 'header', name: 'X-Api-Key', value: 'key-SECRET-2' } });
    expect(server().requests.map((r) => [r.headers['authorization'], r.headers['x-api-key']])).toEqual([
      ['Bearer tok-SECRET-1', undefined],
      [undefined, 'key-SECRET-2'],
    ]);
    for (const outcome of [bearer, header]) expect(JSON.stringify(outcome)).not.toMatch(/SECRET/);
  });

  it('keeps a token out of the message when the engine rejects the header that carries it', async () => {
    const outcome = await fetchSource({ url: server().url('/x'), auth: { kind: 'header', name: 'X-Key', value: 'bad\nSECRET' } });
    expect(outcome.status).toBe('error');
    expect(JSON.stringify(outcome)).not.toMatch(/SECRET/);
  });
});
