// "Test connection" (the testSource handler) against a real HTTP server on 127.0.0.1: what a sync would read, said
// in the report, and nothing stored or applied whatever the answer.
import { describe, expect, test } from 'vitest';
import { syncHandlers } from '../../../lib/background/handlers/sync';
import { INITIAL_SOURCE_STATE } from '../../../lib/data/sync';
import { SYNC_ACCOUNTS, SYNC_CONFIG_TEXT, accountsCsv, syncConfig } from '../../fixtures/sync/dataset';
import { startServer, useTestServer } from '../sync/server';
import { useDemoDb } from './fixtures';

const { db } = useDemoDb();
const testServer = useTestServer();

const serve = (path: string, body: string, type: string) => testServer().routes.set(path, (_req, res) => res.writeHead(200, { 'Content-Type': type }).end(body));
const source = (kind: 'config' | 'metrics', path: string, extra: Record<string, unknown> = {}) => ({ id: kind, kind, url: testServer().url(path), ...extra });

/** Everything a test of a source could have changed, to compare before and after. */
async function stored() {
  const d = db();
  return { sources: await d.sources.toArray(), configs: await d.configs.count(), accounts: await d.accounts.count(), scores: await d.scores.toArray(), log: await d.syncLog.count() };
}

describe('Test connection', () => {
  test('a config source: valid, with its name, version and metric count; nothing applied', async () => {
    serve('/config.json', SYNC_CONFIG_TEXT, 'application/json');
    const before = await stored();
    const reply = await syncHandlers(db()).testSource({ source: source('config', '/config.json') });
    const config = syncConfig();
    expect(reply).toEqual({
      ok: true,
      report: { sourceId: 'config', outcome: 'updated', message: `valid config ${config.name} ${config.version} with ${config.metrics.length} metrics`, rowErrors: [], counts: null, totalRows: null },
    });
    expect(await stored()).toEqual(before);
  });

  test('a metrics source: how many accounts a sync would import from how many rows, and the bad rows; nothing stored', async () => {
    // 60 rows, one with a word for a number: under the share of bad rows a sync tolerates.
    const many = Array.from({ length: 60 }, (_, i) => ({ ...SYNC_ACCOUNTS[i % 5]!, id: `T-${i}`, domain: `t${i}.example`, contact: `x@t${i}.example` }));
    serve('/accounts.csv', accountsCsv(many).replace(/\n(T-7,[^,]*,[^,]*,[^,]*),\d+,/, '\n$1,lots,'), 'text/csv');
    const before = await stored();
    const reply = await syncHandlers(db()).testSource({ source: source('metrics', '/accounts.csv') });
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.report).toMatchObject({ outcome: 'updated', message: '59 accounts would be imported from 60 rows (1 rejected)', counts: { accounts: 59, rejected: 1 }, totalRows: 60 });
    expect(reply.report.rowErrors).toEqual([expect.stringMatching(/row 8.*lots/)]);
    expect(await stored()).toEqual(before);
  });

  test('a metrics source with too many bad rows: the refusal a sync would meet, with the rows', async () => {
    serve('/accounts.csv', accountsCsv(SYNC_ACCOUNTS).replace(/\n(S-2,[^,]*,[^,]*,[^,]*),\d+,/, '\n$1,lots,'), 'text/csv');
    const reply = await syncHandlers(db()).testSource({ source: source('metrics', '/accounts.csv') });
    expect(reply).toMatchObject({ ok: true, report: { outcome: 'error', message: expect.stringMatching(/1 of 5 rows were rejected.*nothing was imported/), counts: null } });
    if (reply.ok) expect(reply.report.rowErrors).toEqual([expect.stringMatching(/row 2.*lots/)]);
  });

  test('a source that answers an error, or nobody at that address, reports the failure specifically', async () => {
    testServer().routes.set('/gone.csv', (_req, res) => res.writeHead(503).end('maintenance'));
    const failed = await syncHandlers(db()).testSource({ source: source('metrics', '/gone.csv') });
    expect(failed).toMatchObject({ ok: true, report: { outcome: 'error', message: expect.stringMatching(/503/) } });
    const closed = await startServer();
    const url = closed.url('/accounts.csv');
    await closed.close();
    const unreachable = await syncHandlers(db()).testSource({ source: { id: 'metrics', kind: 'metrics', url } });
    expect(unreachable).toMatchObject({ ok: true, report: { outcome: 'error', message: expect.any(String) } });
    expect(await db().sources.count()).toBe(0);
  });

  test('an invalid definition is refused field by field before anything is fetched', async () => {
    const reply = await syncHandlers(db()).testSource({ source: { ...source('metrics', '/a.csv'), url: 'http://data.example/a.csv', timeoutSeconds: 0 } });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.issues.map((i) => i.path).sort()).toEqual(['timeoutSeconds', 'url']);
    expect(reply.issues.find((i) => i.path === 'timeoutSeconds')?.message).toBe('must be a whole number of seconds from 1 to 300');
    expect(testServer().requests).toEqual([]);
    expect(await syncHandlers(db()).testSource({ source: 'https://data.example' })).toEqual({ ok: false, issues: [{ path: 'source', message: 'expected an object' }] });
  });

  test('an empty token means the stored one: the test sends it without the page ever holding it', async () => {
    serve('/accounts.csv', accountsCsv(SYNC_ACCOUNTS), 'text/csv');
    const definition = { ...source('metrics', '/accounts.csv'), auth: { kind: 'bearer' as const, token: 's3cret' }, format: 'auto' as const, mapping: {}, scheduleMinutes: 60 };
    await db().sources.put({ ...definition, ...INITIAL_SOURCE_STATE });
    const reply = await syncHandlers(db()).testSource({ source: { ...definition, auth: { kind: 'bearer', token: '' } } });
    expect(reply).toMatchObject({ ok: true, report: { outcome: 'updated' } });
    expect(testServer().requests.map((r) => r.headers.authorization)).toEqual(['Bearer s3cret']);
  });
});
