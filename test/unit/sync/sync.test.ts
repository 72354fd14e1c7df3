import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MetricCatalogueEntry } from '../../../lib/data/import';
import { INITIAL_SOURCE_STATE, type SourceDefinition, type SyncResult, parseSourceDefinition, syncSource } from '../../../lib/data/sync';
import { type TestServer, startServer } from './server';

const CONFIG = readFileSync(new URL('../../fixtures/imports/config-small.json', import.meta.url), 'utf8');
const catalogue: MetricCatalogueEntry[] = [
  { key: 'logins_per_week', kind: 'number' },
  { key: 'nps', kind: 'number' },
];
const now = new Date('2024-10-16T12:00:00Z');

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => server.routes.clear());

function define(kind: SourceDefinition['kind'], path: string, extra: Partial<SourceDefinition> = {}): SourceDefinition {
  return { id: path, kind, url: server.url(path), auth: { kind: 'none' }, format: 'auto', mapping: {}, scheduleMinutes: 60, ...extra };
}

function serve(path: string, body: string | Uint8Array, headers: Record<string, string> = {}) {
  server.routes.set(path, (req, res) => {
    if (headers['ETag'] && req.headers['if-none-match'] === headers['ETag']) return res.writeHead(304).end();
    res.writeHead(200, headers).end(body);
  });
}

const errorOf = (r: SyncResult) => (r.outcome === 'error' ? r.error : null);

describe('config sources', () => {
  it('reads a config, then costs a 304 while it is unchanged', async () => {
    serve('/config.json', CONFIG, { ETag: '"c1"' });
    const first = await syncSource(define('config', '/config.json'), INITIAL_SOURCE_STATE, { now });
    expect(first.outcome === 'config' && first.config.name).toBe('Fixture health');
    expect(first.state).toEqual({
      etag: '"c1"',
      lastModified: null,
      lastSuccessAt: now.toISOString(),
      lastAttemptAt: now.toISOString(),
      nextAttemptAt: '2024-10-16T13:00:00.000Z',
      consecutiveFailures: 0,
      lastError: null,
    });
    const later = new Date('2024-10-16T13:00:00Z');
    const second = await syncSource(define('config', '/config.json'), first.state, { now: later });
    expect(second).toEqual({ outcome: 'not-modified', state: { ...first.state, lastSuccessAt: later.toISOString(), lastAttemptAt: later.toISOString(), nextAttemptAt: '2024-10-16T14:00:00.000Z' } });
  });

  it('reports a config that is not JSON with its position, keeps the old validators and backs off', async () => {
    serve('/config.json', '{\n  "schemaVersion": 1,\n  oops\n}', { ETag: '"bad"' });
    const state = { ...INITIAL_SOURCE_STATE, etag: '"old"', consecutiveFailures: 2 };
    const result = await syncSource(define('config', '/config.json'), state, { now, random: () => 1 });
    expect(errorOf(result)).toEqual({
      kind: 'parse',
      message: `the config from ${server.url('/config.json')} is not JSON: invalid JSON at line 3, column 3: Expected double-quoted property name`,
    });
    expect(result.state).toMatchObject({ etag: '"old"', consecutiveFailures: 3, lastError: errorOf(result)!.message, nextAttemptAt: '2024-10-16T12:04:00.000Z' });
  });

  it('lists the problems of an invalid config', async () => {
    serve('/config.json', JSON.stringify({ ...JSON.parse(CONFIG), tiers: 'none' }));
    expect(errorOf(await syncSource(define('config', '/config.json'), INITIAL_SOURCE_STATE))?.message).toMatch(
      new RegExp(`^the config from ${server.url('/config.json').replace(/[.?/]/g, '\\$&')} is not valid: tiers: `),
    );
  });

  it('refuses a body that is not UTF-8', async () => {
    serve('/config.json', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]));
    expect(errorOf(await syncSource(define('config', '/config.json'), INITIAL_SOURCE_STATE))).toEqual({
      kind: 'encoding',
      message: `the body from ${server.url('/config.json')} is not valid UTF-8 text`,
    });
  });

  it('turns an HTTP failure into state: error text, failure count, retry time', async () => {
    server.routes.set('/config.json', (_req, res) => res.writeHead(503).end());
    const result = await syncSource(define('config', '/config.json'), INITIAL_SOURCE_STATE, { now, random: () => 0 });
    expect(result.state).toMatchObject({
      consecutiveFailures: 1,
      lastError: `HTTP 503 Service Unavailable from ${server.url('/config.json')}`,
      nextAttemptAt: '2024-10-16T12:00:30.000Z',
      lastSuccessAt: null,
    });
  });
});

describe('metrics sources', () => {
  it('imports account data with the source mapping and format settings, dated by the sync time', async () => {
    serve('/accounts.csv', 'Kunde;Logins;NPS\nAcme;12,5;40\n', { 'Content-Type': 'text/csv' });
    const source = define('metrics', '/accounts.csv', { decimal: ',', mapping: { Kunde: { kind: 'identity', field: 'name' }, Logins: { kind: 'metric', key: 'logins_per_week' } } });
    const result = await syncSource(source, INITIAL_SOURCE_STATE, { now, catalogue });
    expect(result.outcome === 'metrics' && result.imported.accounts).toEqual([
      {
        id: 'name:acme',
        name: 'Acme',
        domains: [],
        contacts: [],
        attributes: {},
        metrics: { logins_per_week: { value: 12.5, asOf: now.toISOString() }, nps: { value: 40, asOf: now.toISOString() } },
      },
    ]);
  });

  it('reads NDJSON named by its URL', async () => {
    serve('/feed.ndjson', '{"id":"A","nps":1}\n{"id":"B","nps":2}\n');
    const result = await syncSource(define('metrics', '/feed.ndjson'), INITIAL_SOURCE_STATE, { catalogue });
    expect(result.outcome === 'metrics' && result.imported.format).toBe('ndjson');
  });

  it('fails with the rejected rows when too many are bad', async () => {
    serve('/accounts.csv', 'id,nps\nA,1\nB,lots\n');
    const result = await syncSource(define('metrics', '/accounts.csv'), INITIAL_SOURCE_STATE, { catalogue });
    expect(errorOf(result)?.message).toBe(
      `account data from ${server.url('/accounts.csv')}: 1 of 2 rows were rejected (50%), more than the 2% allowed: nothing was imported (row 2 (line 3), column "nps": expected a number, got "lots")`,
    );
    expect(result.outcome === 'error' && result.rowErrors.map((e) => e.row)).toEqual([2]);
  });

  it('reports invalid JSON data by line and column', async () => {
    serve('/accounts.json', '[{"id": "A"},\n {"id": }]');
    expect(errorOf(await syncSource(define('metrics', '/accounts.json'), INITIAL_SOURCE_STATE, { catalogue }))?.message).toBe(
      `account data from ${server.url('/accounts.json')}: invalid JSON at line 2, column 9: Unexpected token '}'`,
    );
  });

  it('needs the active config catalogue', async () => {
    serve('/accounts.csv', 'id\nA\n');
    expect(errorOf(await syncSource(define('metrics', '/accounts.csv'), INITIAL_SOURCE_STATE))?.kind).toBe('invalid');
  });
});

describe('parseSourceDefinition', () => {
  it('fills in defaults', () => {
    const result = parseSourceDefinition({ id: 's1', kind: 'metrics', url: 'https://data.example.com/a.csv' });
    expect(result).toEqual({
      ok: true,
      source: { id: 's1', kind: 'metrics', url: 'https://data.example.com/a.csv', auth: { kind: 'none' }, format: 'auto', mapping: {}, scheduleMinutes: 60 },
    });
  });

  it('refuses an http URL, a bad header name and a token with a line break, without echoing the token', () => {
    const result = parseSourceDefinition({
      id: 's1',
      kind: 'config',
      url: 'http://data.example.com/c.json',
      auth: { kind: 'header', name: 'X Key', value: 'abc\nSECRET' },
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((i) => i.path)).toEqual(['url', 'auth.name', 'auth.value']);
    expect(JSON.stringify(result)).not.toContain('SECRET');
  });

  it('refuses an unknown mapping target and a schedule under 5 minutes', () => {
    const result = parseSourceDefinition({ id: 's', kind: 'metrics', url: 'https://x.example/a', mapping: { A: { kind: 'formula' } }, scheduleMinutes: 1 });
    expect(!result.ok && result.issues.map((i) => i.path)).toEqual(['mapping.A.kind', 'scheduleMinutes']);
  });
});
