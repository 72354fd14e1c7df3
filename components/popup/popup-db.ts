// The popup's one database connection, opened as its script loads, and the first status read started at once: the
// read then runs while Preact renders the first frame instead of after it (the popup's budget is 100 ms).
import { openDb } from '../../lib/data/db';
import { readStatus } from '../../lib/data/status';
import type { DataStatus } from '../../lib/messaging';

export const db = openDb();

let early: Promise<DataStatus> | null = readStatus(db);

/** The status: the read started on load the first time, a fresh read after. */
export function popupStatus(): Promise<DataStatus> {
  const status = early ?? readStatus(db);
  early = null;
  return status;
}
