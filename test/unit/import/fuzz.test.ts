// Malformed CSV, JSON and NDJSON never make the import throw: every problem comes back as a file error or as
// row errors that name a row and where it is.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ImportFormat, type ImportResult, importAccounts } from '../../../lib/data/import';
import type { MetricCatalogueEntry } from '../../../lib/data/import/mapping';

const catalogue: MetricCatalogueEntry[] = [
  { key: 'nps', kind: 'number' },
  { key: 'active', kind: 'boolean' },
  { key: 'last_login', kind: 'date' },
  { key: 'sentiment', kind: 'category' },
];

const RUNS = { numRuns: 200 };

async function importChecked(text: string, format: ImportFormat, location: RegExp): Promise<ImportResult> {
  const result = await importAccounts(text, { catalogue, format, maxRejectedShare: 0.5, defaultAsOf: '2024-10-16' });
  expect(result.rejectedRows).toBeLessThanOrEqual(result.totalRows);
  for (const e of result.errors) {
    expect(e.row).toBeGreaterThanOrEqual(1);
    expect(e.location).toMatch(location);
    expect(e.message.length).toBeGreaterThan(5);
  }
  if (result.ok) expect(result.accounts.length + result.rejectedRows).toBe(result.totalRows);
  else expect(result.error.length).toBeGreaterThan(5);
  return result;
}

const csvCell = fc.oneof(
  fc.constantFrom('', '"', '""', '"a,b"', '"x\ny"', '12', '1,5', '45%', 'TRUE', 'maybe', '16/10/2024', '03/04/2024', ';', '\t', '\r\n', '|'),
  fc.string({ maxLength: 12 }),
);
const csvRow = fc.array(csvCell, { minLength: 0, maxLength: 6 }).map((cells) => cells.join(','));

describe('malformed payloads', () => {
  it('CSV: rows of odd cells, stray quotes and delimiters', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(csvRow, { maxLength: 12 }), async (rows) => {
        const result = await importChecked(['id,name,nps,active,last_login,sentiment', ...rows].join('\n'), 'csv', /^line \d+$/);
        // The header is valid, so any refusal is about the rows, never an unexplained failure.
        if (!result.ok) expect(result.error).toMatch(/rows were rejected|no data rows|quoted cell/);
      }),
      RUNS,
    );
  });

  it('CSV: arbitrary text', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ maxLength: 200 }), (text) => importChecked(text, 'csv', /^line \d+$/).then(() => undefined)), RUNS);
  });

  it('JSON: valid documents damaged by deleting or inserting characters', async () => {
    const records = fc.array(
      fc.record({ id: fc.oneof(fc.string(), fc.integer()), nps: fc.oneof(fc.integer(), fc.string(), fc.constant(null)), active: fc.anything() }, { requiredKeys: [] }),
      { maxLength: 5 },
    );
    const damage = fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.constantFrom('', ',', '"', '{', ']', 'x', '\n'));
    await fc.assert(
      fc.asyncProperty(records, damage, async (list, [at, remove, insert]) => {
        const text = JSON.stringify(list, null, 1);
        const i = at % (text.length + 1);
        const damaged = text.slice(0, i) + insert + text.slice(i + remove);
        const result = await importChecked(damaged, 'json', /^element \[\d+\]$/);
        if (!result.ok && result.error.startsWith('invalid JSON')) expect(result.error).toMatch(/^invalid JSON at line \d+, column \d+: ./);
      }),
      RUNS,
    );
  });

  it('JSON: any value at all', async () => {
    await fc.assert(fc.asyncProperty(fc.jsonValue(), (value) => importChecked(JSON.stringify(value), 'json', /^element \[\d+\]$/).then(() => undefined)), RUNS);
  });

  it('NDJSON: lines of damaged objects and non-objects', async () => {
    const line = fc.oneof(
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.string({ maxLength: 20 }),
      fc.record({ id: fc.string({ maxLength: 5 }), nps: fc.oneof(fc.double(), fc.string({ maxLength: 5 })) }).map((r) => JSON.stringify(r).slice(0, -1)),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 10 }), async (lines) => {
        const result = await importChecked(lines.join('\n'), 'ndjson', /^line \d+$/);
        for (const e of result.errors) if (e.message.startsWith('invalid JSON')) expect(e.message).toMatch(/^invalid JSON at column \d+: ./);
      }),
      RUNS,
    );
  });
});
