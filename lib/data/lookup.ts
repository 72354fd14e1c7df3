// Answers a page's batched identity lookup from stored scores: resolve candidates to accounts through the
// identities table, then summarise each account from its stored score row (lib/data/summary explains it).
import Dexie from 'dexie';
import { domainKey, emailDomain, emailKey, isFreeMailDomain, nameKey, normalizeCompanyName, normalizeDomain, normalizeEmail } from '../identity';
import type { AccountSummary, LookupRequest, LookupResponse } from '../messaging';
import type { HealthmarkDb } from './db';
import { readSummaries, summaryTables } from './summary';

/** Each candidate (as sent) with the identity keys to try, most specific first. */
function candidateKeys(request: LookupRequest): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const raw of request.emails) {
    const email = normalizeEmail(raw);
    if (!email) continue;
    const domain = emailDomain(email);
    out.set(raw.toLowerCase(), isFreeMailDomain(domain) ? [emailKey(email)] : [emailKey(email), domainKey(domain)]);
  }
  for (const raw of request.domains) {
    const domain = normalizeDomain(raw);
    if (domain && !isFreeMailDomain(domain)) out.set(raw.toLowerCase(), [domainKey(domain)]);
  }
  for (const raw of request.names) {
    const name = normalizeCompanyName(raw);
    if (name) out.set(raw.toLowerCase(), [nameKey(name)]);
  }
  return out;
}

export async function lookup(db: HealthmarkDb, request: LookupRequest): Promise<LookupResponse> {
  const candidates = candidateKeys(request);
  const keys = [...new Set([...candidates.values()].flat())];
  return db.transaction('r', [db.identities, ...summaryTables(db)], async () => {
    const found = await db.identities.bulkGet(keys);
    const accountOf = new Map<string, string>();
    found.forEach((row, i) => row && accountOf.set(keys[i]!, row.accountId));
    // Null-prototype records: candidates are page-supplied strings ("__proto__" must stay a plain key).
    const matches: Record<string, string> = Object.create(null);
    for (const [candidate, tries] of candidates) {
      const hit = tries.map((k) => accountOf.get(k)).find((id) => id !== undefined);
      if (hit) matches[candidate] = hit;
    }
    const ids = [...new Set(Object.values(matches))];
    const summaries: Record<string, AccountSummary> = Object.create(null);
    for (const summary of await readSummaries(db, ids)) summaries[summary.accountId] = summary;
    return { matches, accounts: summaries };
  });
}

/**
 * The lookup with a memory of its answers, for the background: a page asks about the same people again and
 * again (every re-render, every tab). Any write to the database forgets everything, so an answer is never older
 * than the data; the memory is only a cache and a restarted service worker simply starts empty.
 */
export function createCachedLookup(db: HealthmarkDb): (request: LookupRequest) => Promise<LookupResponse> {
  const matchOf = new Map<string, string | null>();
  const summaryOf = new Map<string, AccountSummary>();
  const prefix = `idb://${db.name}/`;
  Dexie.on('storagemutated', (parts) => {
    if (Object.keys(parts).some((part) => part.startsWith(prefix))) {
      matchOf.clear();
      summaryOf.clear();
    }
  });
  return async (request) => {
    const matches: Record<string, string> = Object.create(null);
    const accounts: Record<string, AccountSummary> = Object.create(null);
    const missing: LookupRequest = { emails: [], domains: [], names: [] };
    for (const kind of ['emails', 'domains', 'names'] as const) {
      for (const raw of request[kind]) {
        const candidate = raw.toLowerCase();
        if (!matchOf.has(candidate)) missing[kind].push(raw);
        const id = matchOf.get(candidate);
        if (id) {
          matches[candidate] = id;
          accounts[id] = summaryOf.get(id)!;
        }
      }
    }
    if (missing.emails.length + missing.domains.length + missing.names.length === 0) return { matches, accounts };
    const fresh = await lookup(db, missing);
    for (const kind of ['emails', 'domains', 'names'] as const) {
      for (const raw of missing[kind]) {
        const candidate = raw.toLowerCase();
        const id = fresh.matches[candidate] ?? null;
        matchOf.set(candidate, id);
        if (id) matches[candidate] = id;
      }
    }
    for (const [id, summary] of Object.entries(fresh.accounts)) {
      summaryOf.set(id, summary);
      accounts[id] = summary;
    }
    return { matches, accounts };
  };
}
