import { describe, expect, it } from 'vitest';
import { checkImportFile, extensionOf } from '../../../lib/data/import/file-check';

const bytes = (...b: number[]) => new Uint8Array(b);
const text = (s: string) => new TextEncoder().encode(s);
const file = (name: string, head: Uint8Array, size = head.length) => checkImportFile({ name, size }, head);

describe('checkImportFile', () => {
  it('accepts text exports with every supported extension, in any case', () => {
    for (const name of ['a.csv', 'a.TSV', 'a.txt', 'a.json', 'a.ndjson', 'export.2024.jsonl']) expect(file(name, text('id,name\n1,A\n'))).toBeNull();
  });

  it('refuses other extensions and names without one, naming the extension', () => {
    expect(file('report.xlsx', text('x'))).toEqual({ reason: 'extension', extension: '.xlsx' });
    expect(file('README', text('x'))).toEqual({ reason: 'extension', extension: '' });
    expect(extensionOf('.csv')).toBe('');
  });

  it('refuses an empty file and one holding only blank lines', () => {
    expect(file('a.csv', bytes(), 0)).toEqual({ reason: 'empty' });
    expect(file('a.csv', text(' \r\n\n\t'))).toEqual({ reason: 'empty' });
    // Blank at the start of a longer file is not an empty file.
    expect(file('a.csv', text('   '), 10_000)).toBeNull();
  });

  it('names binary formats by their signature, even under a text extension', () => {
    expect(file('logo.csv', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a))).toEqual({ reason: 'binary', kind: 'png' });
    expect(file('data.csv', bytes(0x50, 0x4b, 0x03, 0x04, 0x14))).toEqual({ reason: 'binary', kind: 'zip' });
  });

  it('refuses NUL bytes (binary, UTF-16) and invalid UTF-8, but not a character cut at the end of the sample', () => {
    expect(file('a.csv', text('i\0d\0'))).toEqual({ reason: 'binary', kind: null });
    expect(file('a.csv', bytes(0x61, 0xff, 0x62))).toEqual({ reason: 'binary', kind: null });
    const euro = text('name\nCafé €');
    expect(file('a.csv', euro.slice(0, euro.length - 1), 1000)).toBeNull();
  });
});
