import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../lib/data/import/csv';
import type { ReaderEvent } from '../../../lib/data/import/records';

async function collect(text: string, chunkSize?: number): Promise<{ headers: string[] | null; rows: unknown[] }> {
  let headers: string[] | null = null;
  const rows: unknown[] = [];
  for await (const event of readCsv(text, chunkSize ? { chunkSize } : {}) as AsyncGenerator<ReaderEvent>) {
    if (event.kind === 'headers') headers = event.headers;
    if (event.kind === 'batch') rows.push(...event.rows);
    if (event.kind === 'error') rows.push(event.message);
  }
  return { headers, rows };
}

describe('readCsv', () => {
  it('detects ; in a decimal-comma file that ends with a newline', async () => {
    const { headers } = await collect('id;arr;nps\nA;1.234,5;12,5\nB;98.000;3,75\n');
    expect(headers).toEqual(['id', 'arr', 'nps']);
  });

  it('takes the delimiter from the header when only one candidate appears there', async () => {
    // Counted over these two rows alone, "|" would look the more consistent delimiter.
    const { headers, rows } = await collect('id,name,nps,active,last_login,sentiment\n|,|\n');
    expect(headers).toEqual(['id', 'name', 'nps', 'active', 'last_login', 'sentiment']);
    expect(rows).toEqual([{ row: 1, location: 'line 2', message: 'has 2 cells where the header has 6 (check the delimiter and quotes)' }]);
  });

  it.each([['\t'], ['|']])('detects the delimiter %j', async (d) => {
    expect((await collect(`id${d}name\nA${d}Alpha\n`)).headers).toEqual(['id', 'name']);
  });

  it('names blank headers by position and tells repeated ones apart', async () => {
    expect((await collect('id,,Email,Email\nA,x,a@b.co,c@d.co\n')).headers).toEqual(['id', 'column 2', 'Email', 'Email (2)']);
  });

  it('reads \\r\\n files with the right line numbers', async () => {
    const { rows } = await collect('id,name\r\nA,"x\r\ny"\r\nB,b\r\n');
    expect(rows).toEqual([
      { row: 1, location: 'line 2', cells: ['A', 'x\r\ny'] },
      { row: 2, location: 'line 4', cells: ['B', 'b'] },
    ]);
  });

  it('gives the same rows and lines whatever the chunk size', async () => {
    const cell = fc.oneof(fc.constantFrom('', 'a', '"q,uo""ted"', '"multi\nline"', '12,5', 'x y'), fc.stringMatching(/^[a-z0-9 ]{0,8}$/));
    const row = fc.array(cell, { minLength: 1, maxLength: 4 }).map((cells) => cells.join(','));
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 15 }), fc.integer({ min: 1, max: 40 }), async (rows, chunkSize) => {
        const text = ['h1,h2,h3,h4', ...rows].join('\n');
        expect(await collect(text, chunkSize)).toEqual(await collect(text));
      }),
      { numRuns: 200 },
    );
  });

  it('gives up on a quote that is still open 4 MB later', async () => {
    const { rows } = await collect(`id,name\nA,"${'x'.repeat(5 * 1024 * 1024)}`, 512 * 1024);
    expect(rows.at(-1)).toMatch(/^a quoted cell opened before character \d+ is still open 4 MB later: check the quotes$/);
  });
});
