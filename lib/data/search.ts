// Account search for the popup: prefix matches on the indexed identity keys (email, domain, company name) and
// on account names, each query limited, so it stays instant with 100k accounts.
import { normalizeCompanyName } from '../identity';
import type { AccountSummary } from '../messaging';
import type { HealthmarkDb } from './db';
import { readSummaries, summaryTables } from './summary';

export const SEARCH_LIMIT = 5;

/** Up to `limit` accounts whose email, domain or name starts with the query, names first. */
export async function searchAccounts(db: HealthmarkDb, query: string, limit = SEARCH_LIMIT): Promise<AccountSummary[]> {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const companyName = normalizeCompanyName(q);
  const prefixes = [`email:${q}`, `domain:${q.replace(/^www\./, '')}`, ...(companyName ? [`name:${companyName}`] : [])];
  return db.transaction('r', [db.identities, ...summaryTables(db)], async () => {
    const [byName, ...byKey] = await Promise.all([
      db.accounts.where('name').startsWithIgnoreCase(query.trim()).limit(limit).primaryKeys(),
      ...prefixes.map((p) => db.identities.where('key').startsWith(p).limit(limit).toArray()),
    ]);
    const ids = [...new Set([...byName, ...byKey.flat().map((row) => row.accountId)])].slice(0, limit);
    return readSummaries(db, ids);
  });
}
