import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importHandlers } from '../../../lib/background/handlers/import';
import { createUploads, uploadHandlers } from '../../../lib/background/handlers/uploads';
import { getMeta } from '../../../lib/data/db';
import { demo, useDemoDb } from '../options/fixtures';

const csv = readFileSync('test/fixtures/imports/options-import.csv', 'utf8');
const over = readFileSync('test/fixtures/imports/over-threshold.csv', 'utf8');
const seats = { Seats: { kind: 'metric', key: 'active_seats_pct' } } as const;

describe('file import handlers', () => {
  const { db } = useDemoDb();
  /** The pieces' handler and the import's, sharing one upload store as in the background. */
  const handlersOf = () => {
    const uploads = createUploads();
    return { ...uploadHandlers(uploads), ...importHandlers(db(), uploads) };
  };

  /** Sends `text` in `pieces` chunks, as the options page does, then asks for the import. */
  async function upload(handlers: ReturnType<typeof handlersOf>, text: string, pieces: number, importId = 'imp-1') {
    const size = Math.ceil(text.length / pieces);
    for (let i = 0; i < pieces; i++) await handlers.importChunk({ importId, index: i, text: text.slice(i * size, (i + 1) * size) });
    return handlers.importFile({ importId, chunks: pieces, name: 'options-import.csv', settings: { mapping: seats } });
  }

  it('imports a file sent in pieces with the edited mapping, reporting its bad rows, and keeps the active config', async () => {
    const configBefore = await getMeta<number>(db(), 'activeConfigId');
    const report = await upload(handlersOf(), csv, 3);
    expect(report).toMatchObject({ ok: true, accounts: 197, totalRows: 200, rejectedRows: 3 });
    expect(report.errors.map((e) => [e.row, e.location, e.column])).toEqual([
      [3, 'line 4', 'Seats'],
      [7, 'line 8', 'NPS'],
      [42, 'line 43', 'Last Login'],
    ]);
    expect(await db().accounts.count()).toBe(197);
    const acme = await db().identities.get('email:dana.wu@acme-analytics.example');
    expect(acme?.accountId).toBe('IMP-001');
    expect((await db().metrics.get('IMP-002'))?.values.active_seats_pct?.value).toBe(84);
    expect(await getMeta<number>(db(), 'activeConfigId')).toBe(configBefore);
    expect(await getMeta(db(), 'dataMode')).toBe('synced');
  });

  it('refuses a file with too many bad rows and leaves every stored account as it was', async () => {
    const before = await db().accounts.toArray();
    const handlers = handlersOf();
    await handlers.importChunk({ importId: 'x', index: 0, text: over });
    const report = await handlers.importFile({ importId: 'x', chunks: 1, name: 'over.csv', settings: {} });
    expect(report).toMatchObject({ ok: false, totalRows: 20, rejectedRows: 5 });
    expect(report.ok ? '' : report.error).toContain('5 of 20 rows were rejected (25%), more than the 2% allowed: nothing was imported');
    expect(report.errors[0]).toMatchObject({ row: 4, column: 'nps', message: 'expected a number, got "bad"' });
    expect(await db().accounts.toArray()).toEqual(before);
    expect(before).toHaveLength(demo.accounts.length);
  });

  it('refuses an upload that did not arrive complete, and pieces out of order', async () => {
    const handlers = handlersOf();
    await handlers.importChunk({ importId: 'a', index: 0, text: csv.slice(0, 100) });
    const report = await handlers.importFile({ importId: 'a', chunks: 2, name: 'a.csv', settings: {} });
    expect(report).toMatchObject({ ok: false, error: expect.stringContaining('did not arrive complete') });
    await expect(handlers.importChunk({ importId: 'b', index: 1, text: 'x' })).rejects.toThrow('did not arrive complete');
    // A new upload replaces an abandoned one.
    await handlers.importChunk({ importId: 'c', index: 0, text: 'x' });
    await expect(handlers.importChunk({ importId: 'a', index: 1, text: 'x' })).rejects.toThrow('did not arrive complete');
    expect(await db().accounts.count()).toBe(demo.accounts.length);
  });

  it('refuses an import without an active config', async () => {
    await db().meta.delete('activeConfigId');
    const handlers = handlersOf();
    await handlers.importChunk({ importId: 'n', index: 0, text: csv });
    expect(await handlers.importFile({ importId: 'n', chunks: 1, name: 'a.csv', settings: {} })).toMatchObject({ ok: false, error: expect.stringContaining('no active scoring config') });
  });
});
