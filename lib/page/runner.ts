// The page runner: one MutationObserver for the page (plus one per open shadow root where an adapter needs them),
// adapters find customers in what changed as soon as the host app has rendered it (so a badge never flickers
// off between frames), candidates are batched into at most one lookup per animation frame, and each resolved
// customer gets one badge next to it. Re-renders of the host app never duplicate a badge; a
// badge leaves with its anchor; stop() removes everything.
import type { AccountSummary, LookupRequest, LookupResponse } from '../messaging';
import type { CustomerMatch, SiteAdapter } from '../sites/types';

export const BADGE_TAG = 'healthmark-badge';

export interface RunnerOptions {
  /** The host app's adapters (none on a page the user enabled by hand). */
  adapters: readonly SiteAdapter[];
  /** Scans the page while the adapters have found nobody on it (a view they do not know, a changed DOM). */
  fallback?: SiteAdapter;
  lookup: (request: LookupRequest) => Promise<LookupResponse>;
  /** Renders (or re-renders) the badge for an account into a host element the runner has placed. */
  render: (host: HTMLElement, summary: AccountSummary) => void;
  /** Told once per view the names of required selectors that matched nothing (never page content). */
  onMissingSelectors?: () => void;
  root?: Document;
  /** Aborting it stops the runner and removes every badge (extension context invalidated, site turned off). */
  signal?: AbortSignal;
}

export interface Runner {
  /** Number of badges currently on the page. */
  count(): number;
  /** Data changed in the background: forget cached answers and look everything up again. */
  refresh(): void;
  /** The single-page app moved to another view. */
  navigated(): void;
  stop(): void;
}

/** Longest stretch of badge placement in one task; the rest waits for the next task (no long tasks). */
const PLACE_BUDGET_MS = 12;

/** How long after a view appears its required selectors are checked. */
const SELECTOR_CHECK_DELAY = 4000;

const candidateKey = (m: CustomerMatch) => `${m.kind}:${m.value.trim().toLowerCase()}`;

export function startRunner(options: RunnerOptions): Runner {
  const doc = options.root ?? document;
  const placed = new Map<Element, Map<string, HTMLElement>>(); // anchor → candidate key → badge host
  const stale = new WeakSet<HTMLElement>(); // hosts showing an answer from before the last refresh
  const resolved = new Map<string, string | null>(); // candidate key → account id, null when unknown
  const summaries = new Map<string, AccountSummary>();
  const waiting = new Set<CustomerMatch>(); // matches whose candidate is being looked up
  const dirty = new Set<Node>();
  const observedShadows = new WeakSet<ShadowRoot>();
  const piercing = options.adapters.some((a) => a.piercesShadow);
  let siteMatches = 0;
  let pending = false; // a flush is queued
  let queue: { match: CustomerMatch; key: string }[] = []; // resolved matches waiting to be shown
  let queueAt = 0;
  let draining = 0;
  let lookupGate = 0; // set while this frame already sent a lookup
  let inFlight = false;
  let stopped = false;
  let selectorCheck = 0;

  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'characterData') {
        if (r.target.parentNode) dirty.add(r.target.parentNode);
        continue;
      }
      // Our own badge hosts coming and going are not news.
      const relevant = [...r.addedNodes, ...r.removedNodes].some((n) => !(n instanceof Element && n.localName === BADGE_TAG));
      if (relevant) dirty.add(r.target);
    }
    if (dirty.size) flush(); // already a microtask after the host app's render: badges land in the same frame
  });
  const observe = (target: Node) => observer.observe(target, { childList: true, subtree: true, characterData: true });

  function schedule() {
    if (pending || stopped) return;
    pending = true;
    queueMicrotask(flush);
  }

  function flush() {
    pending = false;
    if (stopped) return;
    const roots = outermost([...dirty]);
    dirty.clear();
    sweep();
    const batch = new Map<string, CustomerMatch>();
    for (const root of roots) for (const match of scan(root)) consider(match, batch);
    if (batch.size) request(batch);
  }

  function scan(root: ParentNode): CustomerMatch[] {
    const found: CustomerMatch[] = [];
    for (const adapter of options.adapters) found.push(...adapter.scan(root));
    if (piercing) {
      for (const shadow of openShadowRoots(root)) {
        if (!observedShadows.has(shadow)) {
          observedShadows.add(shadow);
          observe(shadow); // a document observer does not see inside shadow roots
        }
        for (const adapter of options.adapters) if (adapter.piercesShadow) found.push(...adapter.scan(shadow));
      }
    }
    siteMatches += found.length;
    if (options.fallback && siteMatches === 0) found.push(...options.fallback.scan(root));
    return found;
  }

  function consider(match: CustomerMatch, batch: Map<string, CustomerMatch>) {
    const key = candidateKey(match);
    const existing = placed.get(match.anchor)?.get(key);
    if (existing && existing.isConnected && !stale.has(existing)) return;
    if (resolved.has(key)) {
      enqueue(match, key);
      return;
    }
    waiting.add(match);
    batch.set(key, match);
  }

  function request(batch: Map<string, CustomerMatch>) {
    if (inFlight || lookupGate) {
      // One lookup at a time and per frame: what arrives meanwhile is picked up after it.
      for (const m of batch.values()) dirty.add(m.anchor);
      return;
    }
    // requestAnimationFrame does not run in background tabs; a timer opens the gate there.
    lookupGate = doc.hidden ? window.setTimeout(openGate, 100) : window.requestAnimationFrame(openGate);
    const req: LookupRequest = { emails: [], domains: [], names: [] };
    for (const m of batch.values()) (m.kind === 'email' ? req.emails : m.kind === 'domain' ? req.domains : req.names).push(m.value.trim());
    inFlight = true;
    options
      .lookup(req)
      .then((res) => {
        for (const [key, m] of batch) resolved.set(key, res.matches[m.value.trim().toLowerCase()] ?? null);
        for (const [id, summary] of Object.entries(res.accounts)) summaries.set(id, summary);
      })
      .catch((error) => {
        if (!stopped) console.warn('Healthmark: lookup failed:', error instanceof Error ? error.message : error);
      })
      .finally(() => {
        inFlight = false;
        if (stopped) return;
        for (const m of waiting) {
          const key = candidateKey(m);
          if (!resolved.has(key)) continue;
          waiting.delete(m);
          enqueue(m, key);
        }
        if (dirty.size) schedule();
      });
  }

  function enqueue(match: CustomerMatch, key: string) {
    queue.push({ match, key });
    if (!draining) drain();
  }

  /** Shows queued answers for at most PLACE_BUDGET_MS, then yields to the page and carries on. */
  function drain() {
    draining = 0;
    if (stopped) return;
    const end = performance.now() + PLACE_BUDGET_MS;
    while (queueAt < queue.length && performance.now() < end) {
      const { match, key } = queue[queueAt++]!;
      if (match.anchor.isConnected) settle(match, key);
    }
    if (queueAt < queue.length) {
      draining = window.setTimeout(drain, 0);
    } else {
      queue = [];
      queueAt = 0;
    }
  }

  /** Shows the resolved answer: a badge for a customer, none (or no longer one) for anybody else. */
  function openGate() {
    lookupGate = 0;
    if (dirty.size) schedule();
  }

  function settle(match: CustomerMatch, key: string) {
    const accountId = resolved.get(key);
    const hosts = placed.get(match.anchor);
    if (accountId) {
      place(match, key, summaries.get(accountId)!);
    } else if (hosts?.has(key)) {
      hosts.get(key)!.remove();
      hosts.delete(key);
    }
  }

  function place(match: CustomerMatch, key: string, summary: AccountSummary) {
    let hosts = placed.get(match.anchor);
    if (!hosts) placed.set(match.anchor, (hosts = new Map()));
    const host = hosts.get(key) ?? doc.createElement(BADGE_TAG);
    if (!host.isConnected) {
      if (placesInside(match)) match.anchor.append(host);
      else lastBadgeAfter(match.anchor, hosts).after(host); // several customers in one element: badges in order
    }
    hosts.set(key, host);
    stale.delete(host);
    options.render(host, summary);
  }

  /** Badges whose anchor left the page leave too. */
  function sweep() {
    for (const [anchor, hosts] of placed) {
      if (anchor.isConnected) continue;
      for (const host of hosts.values()) host.remove();
      placed.delete(anchor);
    }
  }

  function checkSelectorsLater() {
    window.clearTimeout(selectorCheck);
    if (options.onMissingSelectors) selectorCheck = window.setTimeout(() => !stopped && options.onMissingSelectors!(), SELECTOR_CHECK_DELAY);
  }

  function rescanAll() {
    dirty.add(doc.documentElement);
    schedule();
  }

  function refresh() {
    resolved.clear();
    summaries.clear();
    // Placed badges keep showing the old answer until the new one lands; then settle() updates them.
    for (const hosts of placed.values()) for (const host of hosts.values()) stale.add(host);
    rescanAll();
  }

  function navigated() {
    siteMatches = 0;
    checkSelectorsLater();
    rescanAll();
  }

  function stop() {
    if (stopped) return;
    stopped = true;
    observer.disconnect();
    window.clearTimeout(selectorCheck);
    window.clearTimeout(draining);
    if (lookupGate) {
      window.cancelAnimationFrame(lookupGate);
      window.clearTimeout(lookupGate);
    }
    for (const hosts of placed.values()) for (const host of hosts.values()) host.remove();
    placed.clear();
  }

  const count = () => {
    let n = 0;
    for (const hosts of placed.values()) n += hosts.size;
    return n;
  };

  options.signal?.addEventListener('abort', stop, { once: true });
  observe(doc.documentElement);
  navigated();
  return { count, refresh, navigated, stop };
}

// Parents whose children must be rows, cells, items or options: a badge placed after such a child would break
// the structure (an anonymous table cell, a stray list child), so it goes inside the anchor instead.
const STRUCTURAL_PARENTS = new Set(['tr', 'tbody', 'thead', 'tfoot', 'table', 'ul', 'ol', 'dl', 'select', 'colgroup']);

function placesInside(match: CustomerMatch): boolean {
  if (match.placement === 'append') return true;
  return STRUCTURAL_PARENTS.has(match.anchor.parentElement?.localName ?? '');
}

/** The anchor, or the last badge already placed right after it. */
function lastBadgeAfter(anchor: Element, hosts: Map<string, HTMLElement>): Element {
  let ref: Element = anchor;
  while (ref.nextElementSibling && [...hosts.values()].includes(ref.nextElementSibling as HTMLElement)) ref = ref.nextElementSibling;
  return ref;
}

/** Drops roots contained in another root of the list: scanning the outer one covers them. */
function outermost(roots: Node[]): ParentNode[] {
  const live = roots.filter((r) => r.isConnected);
  return live.filter((r) => !live.some((other) => other !== r && other.contains(r))) as unknown as ParentNode[];
}

function* openShadowRoots(root: ParentNode): Generator<ShadowRoot> {
  const start = root as Node;
  const doc = start.nodeType === 9 ? (start as Document) : start.ownerDocument!;
  const walker = doc.createTreeWalker(start, NodeFilter.SHOW_ELEMENT);
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
    const shadow = (node as Element).shadowRoot;
    if (shadow) {
      yield shadow;
      yield* openShadowRoots(shadow);
    }
  }
}
