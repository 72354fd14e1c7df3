// The page runner: one MutationObserver for the page, adapters find customers in what changed, candidates are
// batched into at most one lookup per animation frame, and each resolved customer gets one badge next to it.
// Re-renders of the host app never duplicate a badge; a badge leaves with its anchor; stop() removes everything.
import type { AccountSummary, LookupRequest, LookupResponse } from '../messaging';
import type { CustomerMatch, SiteAdapter } from '../sites/types';

export const BADGE_TAG = 'healthmark-badge';

export interface RunnerOptions {
  adapters: SiteAdapter[];
  lookup: (request: LookupRequest) => Promise<LookupResponse>;
  /** Renders (or re-renders) the badge for an account into a host element the runner has placed. */
  render: (host: HTMLElement, summary: AccountSummary) => void;
  root?: Document;
  /** Aborting it stops the runner and removes every badge (extension context invalidated, site turned off). */
  signal?: AbortSignal;
}

export interface Runner {
  /** Number of badges currently on the page. */
  count(): number;
  stop(): void;
}

interface Placed {
  host: HTMLElement;
  key: string;
}

const candidateKey = (m: CustomerMatch) => `${m.kind}:${m.value.trim().toLowerCase()}`;

export function startRunner(options: RunnerOptions): Runner {
  const doc = options.root ?? document;
  const placed = new Map<Element, Placed>();
  const resolved = new Map<string, string | null>(); // candidate key → account id, null when unknown
  const summaries = new Map<string, AccountSummary>();
  const waiting = new Map<Element, CustomerMatch>(); // matches whose candidate is being looked up
  const dirty = new Set<Element>();
  let frame = 0;
  let inFlight = false;
  let stopped = false;

  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'characterData') {
        if (r.target.parentElement) dirty.add(r.target.parentElement);
        continue;
      }
      // Our own badge hosts coming and going are not news.
      const relevant = [...r.addedNodes, ...r.removedNodes].some((n) => !(n instanceof Element && n.localName === BADGE_TAG));
      if (relevant && r.target instanceof Element) dirty.add(r.target);
    }
    if (dirty.size) schedule();
  });

  function schedule() {
    if (frame || stopped) return;
    // requestAnimationFrame does not run in background tabs; a timer keeps those pages up to date.
    frame = doc.hidden ? window.setTimeout(flush, 100) : window.requestAnimationFrame(flush);
  }

  function flush() {
    frame = 0;
    if (stopped) return;
    const roots = outermost([...dirty]);
    dirty.clear();
    sweep();
    const batch = new Map<string, CustomerMatch>();
    for (const root of roots) for (const match of scanAll(root)) consider(match, batch);
    if (batch.size) request(batch);
  }

  function scanAll(root: Element): CustomerMatch[] {
    const found: CustomerMatch[] = [];
    for (const adapter of options.adapters) {
      found.push(...adapter.scan(root));
      if (adapter.piercesShadow) for (const shadow of openShadowRoots(root)) found.push(...adapter.scan(shadow));
    }
    return found;
  }

  function consider(match: CustomerMatch, batch: Map<string, CustomerMatch>) {
    const key = candidateKey(match);
    const existing = placed.get(match.anchor);
    if (existing && existing.key === key && existing.host.isConnected) return;
    if (resolved.has(key)) {
      const accountId = resolved.get(key);
      if (accountId) place(match, key, summaries.get(accountId)!);
      return;
    }
    waiting.set(match.anchor, match);
    batch.set(key, match);
  }

  function request(batch: Map<string, CustomerMatch>) {
    if (inFlight) {
      // One lookup at a time: what arrives meanwhile is picked up on the next frame.
      for (const m of batch.values()) dirty.add(m.anchor);
      return;
    }
    const req: LookupRequest = { emails: [], domains: [], names: [] };
    for (const m of batch.values()) (m.kind === 'email' ? req.emails : m.kind === 'domain' ? req.domains : req.names).push(m.value.trim());
    inFlight = true;
    options
      .lookup(req)
      .then((res) => {
        for (const [key, m] of batch) {
          const accountId = res.matches[m.value.trim().toLowerCase()] ?? null;
          resolved.set(key, accountId);
        }
        for (const [id, summary] of Object.entries(res.accounts)) summaries.set(id, summary);
      })
      .catch((error) => {
        if (!stopped) console.warn('Healthmark: lookup failed:', error instanceof Error ? error.message : error);
      })
      .finally(() => {
        inFlight = false;
        if (stopped) return;
        for (const [anchor, m] of waiting) {
          const key = candidateKey(m);
          if (!resolved.has(key)) continue;
          waiting.delete(anchor);
          const accountId = resolved.get(key);
          if (accountId && anchor.isConnected) place(m, key, summaries.get(accountId)!);
        }
        if (dirty.size) schedule();
      });
  }

  function place(match: CustomerMatch, key: string, summary: AccountSummary) {
    const previous = placed.get(match.anchor);
    const host = previous?.host ?? doc.createElement(BADGE_TAG);
    if (!host.isConnected) {
      if (placesInside(match)) match.anchor.append(host);
      else match.anchor.after(host);
    }
    options.render(host, summary);
    placed.set(match.anchor, { host, key });
  }

  /** Badges whose anchor left the page leave too. */
  function sweep() {
    for (const [anchor, p] of placed) {
      if (anchor.isConnected) continue;
      p.host.remove();
      placed.delete(anchor);
    }
  }

  function stop() {
    if (stopped) return;
    stopped = true;
    observer.disconnect();
    if (frame) {
      window.cancelAnimationFrame(frame);
      window.clearTimeout(frame);
    }
    for (const p of placed.values()) p.host.remove();
    placed.clear();
  }

  options.signal?.addEventListener('abort', stop, { once: true });
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  dirty.add(doc.documentElement);
  schedule();
  return { count: () => placed.size, stop };
}

// Parents whose children must be rows, cells, items or options: a badge placed after such a child would break
// the structure (an anonymous table cell, a stray list child), so it goes inside the anchor instead.
const STRUCTURAL_PARENTS = new Set(['tr', 'tbody', 'thead', 'tfoot', 'table', 'ul', 'ol', 'dl', 'select', 'colgroup']);

function placesInside(match: CustomerMatch): boolean {
  if (match.placement === 'append') return true;
  return STRUCTURAL_PARENTS.has(match.anchor.parentElement?.localName ?? '');
}

/** Drops roots contained in another root of the list: scanning the outer one covers them. */
function outermost(roots: Element[]): Element[] {
  return roots.filter((r) => r.isConnected && !roots.some((other) => other !== r && other.contains(r)));
}

function* openShadowRoots(root: Element): Generator<ShadowRoot> {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
    const shadow = (node as Element).shadowRoot;
    if (shadow) {
      yield shadow;
      for (const child of shadow.children) yield* openShadowRoots(child);
    }
  }
}
