import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../lib/data/import';

describe('detectFormat', () => {
  it.each([
    ['https://cdn.example/exports/accounts.CSV?token=x', 'csv'],
    ['accounts.tsv', 'csv'],
    ['/data/accounts.json.gz', 'json'],
    ['feed.jsonl', 'ndjson'],
    ['feed.ndjson', 'ndjson'],
  ] as const)('names the format of %j by its extension', (name, format) => {
    expect(detectFormat('{"id": 1}', { name })).toBe(format);
  });

  it.each([
    ['text/csv; charset=utf-8', 'csv'],
    ['application/x-ndjson', 'ndjson'],
    ['application/json', 'json'],
    ['application/vnd.api+json', 'json'],
  ] as const)('names the format of content type %j', (contentType, format) => {
    expect(detectFormat('x', { name: '/export', contentType })).toBe(format);
  });

  it.each([
    ['  [{"id": 1}]', 'json'],
    ['{"id": 1}\n{"id": 2}\n', 'ndjson'],
    ['{"accounts": [{"id": 1}]}', 'json'],
    ['{\n  "accounts": []\n}', 'json'],
    ['id,name\nA,Alpha\n', 'csv'],
    ['', 'csv'],
  ] as const)('guesses %j from its text', (text, format) => {
    expect(detectFormat(text)).toBe(format);
  });
});
