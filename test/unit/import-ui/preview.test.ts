import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importAccounts } from '../../../lib/data/import';
import { previewImport } from '../../../lib/data/import/preview';
import { catalogue } from '../../fixtures/imports/catalogue';

const csv = readFileSync('test/fixtures/imports/options-import.csv', 'utf8');

describe('previewImport', () => {
  it('detects format and delimiter and shows the first rows as parsed values', async () => {
    const preview = await previewImport(csv, { name: 'options-import.csv' }, catalogue);
    expect(preview).toMatchObject({ format: 'csv', delimiter: ',', error: null, mappingProblems: [] });
    expect(preview.rows).toHaveLength(10);
    expect(preview.mapping.NPS).toEqual({ kind: 'metric', key: 'nps' });
    expect(preview.mapping.Seats).toEqual({ kind: 'attribute', key: 'seats' });
    const first = preview.rows[0]!;
    expect(first).toMatchObject({ row: 1, location: 'line 2', problems: [] });
    const cell = (row: number, header: string) => preview.rows[row - 1]!.cells[preview.headers.indexOf(header)];
    expect(cell(1, 'Seats')).toEqual({ state: 'value', raw: '60%', value: '60' });
    expect(cell(1, 'Emails')).toEqual({ state: 'value', raw: 'dana.wu@acme-analytics.example', value: 'dana.wu@acme-analytics.example' });
    expect(cell(7, 'NPS')).toMatchObject({ state: 'error', raw: 'lots', error: 'expected a number, got "lots"' });
  });

  it('reads a cell by its edited target: a text cell becomes an error once mapped to a number metric', async () => {
    const before = await previewImport(csv, {}, catalogue);
    const after = await previewImport(csv, { mapping: { Seats: { kind: 'metric', key: 'active_seats_pct' }, Plan: { kind: 'ignore' } } }, catalogue);
    const seats = before.headers.indexOf('Seats');
    expect(before.rows[2]!.cells[seats]).toEqual({ state: 'value', raw: 'n/a', value: 'n/a' });
    expect(after.rows[2]!.cells[seats]).toMatchObject({ state: 'error', error: 'expected a number, got "n/a"' });
    expect(after.rows[0]!.cells[before.headers.indexOf('Plan')]).toEqual({ state: 'ignored', raw: 'starter' });
  });

  it('agrees with the import on which of its rows fail', async () => {
    const mapping = { Seats: { kind: 'metric', key: 'active_seats_pct' } } as const;
    const preview = await previewImport(csv, { mapping }, catalogue, 50);
    const imported = await importAccounts(csv, { catalogue, mapping });
    const failing = preview.rows.filter((r) => r.error || r.problems.length > 0 || r.cells.some((c) => c.state === 'error')).map((r) => r.row);
    expect(failing).toEqual([...new Set(imported.errors.map((e) => e.row))].filter((row) => row <= 50));
    expect(failing).toEqual([3, 7, 42]);
  });

  it('shows row-level problems, unreadable records and mapping problems', async () => {
    const preview = await previewImport('id;name;nps\n;;5\n1;A;2;9\n', {}, catalogue);
    expect(preview.delimiter).toBe(';');
    expect(preview.rows[0]!.problems).toEqual(['has neither an account id nor a name']);
    expect(preview.rows[1]!.error).toContain('has 4 cells where the header has 3');
    const unmapped = await previewImport('plan,nps\nx,1\n', {}, catalogue);
    expect(unmapped.mappingProblems[0]).toContain('no column gives the account id or name');
  });

  it('uses the chosen delimiter, decimal mark and date order', async () => {
    const text = 'id;name;nps;last_login\n1;A;1,5;03/04/2024\n';
    const dot = await previewImport(text, { delimiter: ';' }, catalogue);
    expect(dot.rows[0]!.cells.slice(2).map((c) => c.state)).toEqual(['error', 'error']);
    const comma = await previewImport(text, { delimiter: ';', decimal: ',', dateOrder: 'mdy' }, catalogue);
    expect(comma.rows[0]!.cells.slice(2)).toEqual([
      { state: 'value', raw: '1,5', value: '1.5' },
      { state: 'value', raw: '03/04/2024', value: '2024-03-04' },
    ]);
  });

  it('reports a file that cannot be read as the import would', async () => {
    expect((await previewImport('[{"id": 1,}]', { name: 'a.json' }, catalogue)).error).toMatch(/^invalid JSON at line 1, column \d+/);
    expect((await previewImport('', { name: 'a.csv' }, catalogue)).error).toBe('the file is empty');
  });
});
