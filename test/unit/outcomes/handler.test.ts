// Outcomes files through the background router, sent as the options page sends them: in importChunk pieces,
// then importOutcomes naming the upload. A valid file merges and answers with the report (no list of matched
// rows); a large one arrives in several pieces and is applied exactly as reading it whole would; a malformed
// request, a malformed file and a broken piece sequence are each refused with what was wrong, storing nothing.
import { describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sendInPieces, uploadRefusal } from '../../../components/options/import/upload';
import { outcomeHandlers } from '../../../lib/background/handlers/outcomes';
import { createUploads, uploadHandlers } from '../../../lib/background/handlers/uploads';
import { type Handlers, createRouter } from '../../../lib/background/router';
import { replaceDataset } from '../../../lib/data/apply';
import { openDb } from '../../../lib/data/db';
import { readOutcomeFile } from '../../../lib/data/outcomes';
import { storeOutcomes } from '../../../lib/data/outcomes/store';
import type { OutcomeReadSettings } from '../../../lib/data/outcomes/read';
import { IMPORT_CHUNK_CHARS, IMPORT_FILE_CHARS, sendToBackground } from '../../../lib/messaging';
import { demo, now, readPreset, useDemoDb } from '../options/fixtures';

const self = { id: 'ext-id' };

describe('importOutcomes', () => {
  const { db } = useDemoDb();
  const route = (uploads = createUploads()) => createRouter({ ...uploadHandlers(uploads), ...outcomeHandlers(db(), uploads) } as Partial<Handlers> as Handlers, self.id);
  /** Every request the page sends reaches one router; returns the pieces' sizes as they went through it. */
  const listen = (uploads = createUploads()) => {
    const pieces: number[] = [];
    const router = route(uploads);
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      const { type, payload } = message as { type: string; payload: { text: string } };
      if (type === 'importChunk') pieces.push(payload.text.length);
      return router(message, self);
    });
    return pieces;
  };
  /** What the options page does on Load. */
  const load = async (text: string, name: string, settings: OutcomeReadSettings) => sendToBackground('importOutcomes', { ...(await sendInPieces(text, name)), name, settings });
  const snapshot = async () => ({ accounts: await db().accounts.toArray(), outcomes: await db().outcomes.toArray() });

  test('merges the file with the chosen columns and answers with the report', async () => {
    listen();
    const columns = { account: 'Customer', match: 'id', churned: 'Lost', churnedAt: null, expanded: null } as const;
    expect(await load('Customer,Lost\nacc-001,yes\nacc-999,no\n', 'lost.csv', { columns })).toEqual({
      ok: true, totalRows: 2, applied: 1, unknownRows: 1, rejectedRows: 0, emptyRows: 0, errors: [{ row: 2, location: 'line 3', column: 'Customer', message: 'no account has the id "acc-999"' }],
    });
    expect(await db().outcomes.get('acc-001')).toMatchObject({ churned: true, source: 'file:lost.csv' });
  });

  test('a refusal comes back as a report, and a malformed request is refused by the router', async () => {
    listen();
    expect(await load('id,churned\nnobody,yes\n', 'x.csv', {})).toMatchObject({ ok: false, applied: 0, error: expect.stringMatching(/^none of the 1 rows/) });
    const columns = { account: 'id', match: 'email', churned: 'churned', churnedAt: null, expanded: null };
    const malformed = await route()({ type: 'importOutcomes', payload: { importId: 'u', chunks: 1, name: 'x.csv', settings: { columns } } }, self);
    expect(malformed).toMatchObject({ ok: false, error: expect.stringMatching(/^Invalid "importOutcomes" message at settings\.columns\.match: /) });
    expect(await db().outcomes.count()).toBe(0);
  });

  /**
   * Every demo account with an outcome, then `unknown` rows naming no account (the first `bad` of them saying
   * "perhaps" instead of yes or no), each with a long note of emoji: pieces cut through two-unit characters.
   */
  function largeFile(unknown: number, bad = 0): string {
    const note = `Renewal call: ${'📞'.repeat(200)}`;
    const rows = demo.accounts.map((a, i) => `${a.id},${i % 3 === 0 ? 'yes' : 'no'},${i % 3 === 0 ? `2026-10-0${(i % 9) + 1}` : ''},${note}`);
    for (let i = 0; i < unknown; i++) rows.push(`gone-${i},${i < bad ? 'perhaps' : 'yes'},,${note}`);
    return `account_id,churned,churn_date,notes\n${rows.join('\n')}\n`;
  }

  test('a file larger than one piece arrives in pieces and is applied exactly as reading it whole does', async () => {
    const text = largeFile(3000);
    expect(text.length).toBeGreaterThan(2 * IMPORT_CHUNK_CHARS);
    // The file's text is cut in the middle of a two-unit character, which joining must put back together.
    expect(Array.from({ length: 2 }, (_, i) => text.charCodeAt((i + 1) * IMPORT_CHUNK_CHARS - 1)).some((c) => c >= 0xd800 && c < 0xdc00)).toBe(true);
    const uploads = createUploads();
    const take = vi.spyOn(uploads, 'take');
    const pieces = listen(uploads);
    const report = await load(text, 'big.csv', { format: 'csv' });
    expect(pieces).toEqual([IMPORT_CHUNK_CHARS, IMPORT_CHUNK_CHARS, text.length - 2 * IMPORT_CHUNK_CHARS]);
    expect(take).toHaveReturnedWith({ ok: true, text });

    // The same file read whole and stored, as the one-message request did, into a second copy of the demo data.
    const whole = openDb(`outcomes-whole-${Date.now()}`);
    try {
      await replaceDataset(whole, { config: readPreset('default'), configSource: 'preset:default', ...demo, mode: 'demo' }, now);
      const stored = await storeOutcomes(whole, await readOutcomeFile(text, { name: 'big.csv', format: 'csv' }), 'file:big.csv');
      if (!stored.ok) throw new Error(stored.error);
      const { matched: _, ...expected } = stored;
      expect(report).toEqual(expected);
      expect(report).toMatchObject({ ok: true, totalRows: demo.accounts.length + 3000, applied: demo.accounts.length, unknownRows: 3000 });
      const rows = async (d: typeof whole) => (await d.outcomes.toArray()).map(({ loadedAt: _, ...row }) => row);
      expect(await rows(db())).toEqual(await rows(whole));
    } finally {
      whole.close();
      await whole.delete();
    }
  });

  test('a large malformed file sent in pieces is refused with the row, column and what was expected, storing nothing', async () => {
    listen();
    const before = await snapshot();
    const text = largeFile(1300, 100);
    expect(text.length).toBeGreaterThan(IMPORT_CHUNK_CHARS);
    const report = await load(text, 'bad.csv', { format: 'csv' });
    expect(report).toMatchObject({ ok: false, applied: 0, rejectedRows: 100, error: expect.stringContaining('more than the 2% allowed') });
    const first = demo.accounts.length + 1;
    expect(report.errors.slice(0, 2)).toEqual([
      { row: first, location: `line ${first + 1}`, column: 'churned', message: expect.stringMatching(/^expected .*, got "perhaps"$/) },
      { row: first + 1, location: `line ${first + 2}`, column: 'churned', message: expect.stringMatching(/^expected .*, got "perhaps"$/) },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  test('a missing piece, a piece out of place and an unknown upload are refused by name, storing nothing', async () => {
    const router = route();
    const send = (type: string, payload: object) => router({ type, payload }, self);
    const piece = (importId: string, index: number) => send('importChunk', { importId, index, text: ['id,churned\n', 'acc-001,yes\n', 'acc-002,no\n'][index]! });
    const apply = (importId: string, chunks: number) => send('importOutcomes', { importId, chunks, name: 'x.csv', settings: {} });
    const refused = (error: RegExp) => ({ ok: true, data: expect.objectContaining({ ok: false, applied: 0, error: expect.stringMatching(error) }) });
    const before = await snapshot();

    // The second piece never came: the third is refused, and so is the upload.
    await piece('a', 0);
    expect(await piece('a', 2)).toEqual({ ok: false, error: expect.stringContaining('piece 3 came where piece 2 was expected') });
    expect(await apply('a', 3)).toEqual(refused(/^the file did not arrive complete \(no upload "a" is open;/));
    // The last piece never came.
    await piece('b', 0);
    await piece('b', 1);
    expect(await apply('b', 3)).toEqual(refused(/\(2 of its 3 pieces came;/));
    // A piece sent twice.
    await piece('c', 0);
    await piece('c', 1);
    expect(await piece('c', 1)).toEqual({ ok: false, error: expect.stringContaining('piece 2 came where piece 3 was expected') });
    // Pieces of an upload that was never begun, and an import of an upload that is not the one open.
    expect(await piece('d', 1)).toEqual({ ok: false, error: expect.stringContaining('no upload "d" is open') });
    await piece('e', 0);
    expect(await apply('other', 1)).toEqual(refused(/no upload "other" is open/));

    expect(await snapshot()).toEqual(before);
    // Whole, the same pieces apply: what was refused above was the sequence, not the file.
    for (const index of [0, 1, 2]) await piece('f', index);
    expect(await apply('f', 3)).toMatchObject({ ok: true, data: { ok: true, applied: 2 } });
  });

  test('a file beyond what one upload takes is refused before anything is sent, naming the limit', () => {
    expect(uploadRefusal('huge.csv', IMPORT_FILE_CHARS)).toBeNull();
    expect(uploadRefusal('huge.csv', IMPORT_FILE_CHARS + 1)).toBe('"huge.csv" has more than 536 million characters, the most one file import can take: split it into smaller files.');
  });
});
