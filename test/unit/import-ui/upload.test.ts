// The options page's upload: a file larger than one message is sent in pieces the background's router accepts
// (each under IMPORT_CHUNK_CHARS, so serialising one never holds the page's main thread for long), in order,
// with a progress step per piece, then the import is asked for with the piece count.
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type Handlers, createRouter } from '../../../lib/background/router';
import { type FileImportReport, IMPORT_CHUNK_CHARS } from '../../../lib/messaging';
import { importInBackground } from '../../../components/options/import/upload';

describe('file upload to the background', () => {
  it('sends a large file in ordered pieces under the message size the router accepts', async () => {
    const pieces: string[] = [];
    const report: FileImportReport = { ok: true, accounts: 1, totalRows: 1, rejectedRows: 0, errors: [] };
    const importFile = vi.fn(async () => report);
    const importChunk = async ({ index, text }: { index: number; text: string }) => {
      pieces[index] = text;
      return null;
    };
    const handlers = { importChunk, importFile } as Partial<Handlers> as Handlers;
    const route = createRouter(handlers, 'ext-id');
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => route(message, { id: 'ext-id' }));
    const text = 'id,name\n' + Array.from({ length: 90_000 }, (_, i) => `A-${i},Account ${i}`).join('\n');
    const sent: number[] = [];
    const result = await importInBackground(text, 'big.csv', { format: 'csv' }, (p) => p.phase === 'sending' && sent.push(p.sent));
    expect(result).toEqual(report);
    const expected = Math.ceil(text.length / IMPORT_CHUNK_CHARS);
    expect(expected).toBeGreaterThan(2);
    expect(pieces).toHaveLength(expected);
    expect(pieces.every((p) => p.length <= IMPORT_CHUNK_CHARS)).toBe(true);
    expect(pieces.join('')).toBe(text);
    expect(sent).toEqual(pieces.map((_, i) => i * IMPORT_CHUNK_CHARS));
    expect(importFile).toHaveBeenCalledWith(expect.objectContaining({ chunks: expected, name: 'big.csv' }));
  });
});
