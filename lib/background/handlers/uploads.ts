// A file can be far larger than one message may be (Chrome: 64 MiB), and serialising a multi-MB message holds
// the sending page for hundreds of ms, so the options page sends a file in pieces (`importChunk`) and then asks
// for what to do with it (`importFile` for account data, `importOutcomes` for outcomes), naming the upload.
// Pieces are held in memory only until that request: a service worker restarted meanwhile loses them and the
// request is refused with "import it again", leaving the stored data as it was.
import type { HandlerGroup } from './types';

export type Taken = { ok: true; text: string } | { ok: false; error: string };

export interface Uploads {
  /** Keeps one piece; index 0 starts an upload. Throws when the piece is not the next of the open upload. */
  receive(piece: { importId: string; index: number; text: string }): void;
  /** The whole text of the upload when all `chunks` pieces arrived; the upload is closed either way. */
  take(importId: string, chunks: number): Taken;
}

const incomplete = (why: string) =>
  `the file did not arrive complete (${why}; the extension restarted or another import began during the upload): import it again`;

export function createUploads(): Uploads {
  // One upload at a time: a new one (index 0) drops any other, so abandoned pieces never pile up.
  let open: { id: string; pieces: string[] } | null = null;
  const unknown = (importId: string) => incomplete(`no upload "${importId}" is open`);
  return {
    receive({ importId, index, text }) {
      if (index === 0) open = { id: importId, pieces: [] };
      if (!open || open.id !== importId) throw new Error(unknown(importId));
      if (open.pieces.length !== index) {
        const expected = open.pieces.length;
        open = null; // a gap can never be filled: the page sends in order and stops at the first refusal
        throw new Error(incomplete(`piece ${index + 1} came where piece ${expected + 1} was expected`));
      }
      open.pieces.push(text);
    },
    take(importId, chunks) {
      const upload = open;
      open = null;
      if (!upload || upload.id !== importId) return { ok: false, error: unknown(importId) };
      if (upload.pieces.length !== chunks) return { ok: false, error: incomplete(`${upload.pieces.length} of its ${chunks} pieces came`) };
      return { ok: true, text: upload.pieces.join('') };
    },
  };
}

export function uploadHandlers(uploads: Uploads): HandlerGroup<'importChunk'> {
  return {
    importChunk: async (piece) => {
      uploads.receive(piece);
      return null;
    },
  };
}
