// Outcomes for the stored demo accounts, written straight into the extension's IndexedDB from one of its pages
// (the demo data has none): the `lowest` lowest scores and two healthy accounts churned today — a score that
// ranks churners well but not perfectly — and everyone else retained. Pass it to page.evaluate (Playwright or
// Puppeteer). Returns how many churned and how many have a score (the rest are left out of every figure).
export async function writeOutcomesInPage(lowest: number): Promise<{ churned: number; scored: number }> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('healthmark');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const all = <T,>(store: string) =>
    new Promise<T[]>((resolve) => {
      const request = db.transaction(store).objectStore(store).getAll();
      request.onsuccess = () => resolve(request.result as T[]);
    });
  const scores = await all<{ accountId: string; score: number | null }>('scores');
  const ranked = scores.filter((s) => s.score !== null).sort((a, b) => a.score! - b.score! || a.accountId.localeCompare(b.accountId));
  const churned = new Set([...ranked.slice(0, lowest), ...ranked.slice(-8, -6)].map((s) => s.accountId));
  const today = new Date().toISOString().slice(0, 10);
  const accounts = await all<{ id: string; outcome?: unknown }>('accounts');
  const tx = db.transaction('accounts', 'readwrite');
  for (const account of accounts) {
    account.outcome = churned.has(account.id) ? { churned: true, churnedAt: today } : { churned: false };
    tx.objectStore('accounts').put(account);
  }
  await new Promise((resolve) => (tx.oncomplete = resolve));
  db.close();
  return { churned: churned.size, scored: ranked.length };
}
