// The page runner: one MutationObserver for the page (plus one per open shadow root where an adapter needs them),
// adapters find customers in what changed as soon as the host app has rendered it, candidates are batched into
// at most one lookup per animation frame, and each resolved customer gets one badge next to it: first where the
// user looks (in or near the viewport), then the rest in chunks, each put in place out of sight over idle moments
// and shown at once, so that a chunk costs the page one frame however many tasks preparing it took.
// Answers already known are placed in the same task as the host app's render, so a re-rendered badge never
// flickers off and never doubles; a badge leaves with its anchor; stop() removes everything.
import { type AccountSummary, LOOKUP_LIMITS, type LookupRequest, type LookupResponse } from '../messaging';
import type { CustomerMatch, IdentityKind, SiteAdapter } from '../sites/types';
import { createPace } from './pace';
import { afterNextFrame, idle, nextFrame, task } from './schedule';
import type { ViewportFactory } from './viewport';

export const BADGE_TAG = 'healthmark-badge';

/** User Timing marks of a view's badges (DevTools shows them; `npm run bench:page` reads them). */
export const MARKS = {
  inject: 'healthmark:inject',
  firstBadge: 'healthmark:first-badge',
  visibleBadges: 'healthmark:visible-badges',
  allBadges: 'healthmark:all-badges',
} as const;

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
  /** False once the extension is gone (updated, disabled, removed): checked before each scan and after a failed lookup. */
  alive?: () => boolean;
  /** Says which anchors are in or near the viewport, so their badges come first. Without it all count as near. */
  viewport?: ViewportFactory;
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

/** Longest stretch of badge placement in one task; the rest waits for the next task. */
const PLACE_BUDGET_MS = 12;
/** The same for preparing a chunk of badges away from the viewport, which runs in idle moments of its own. */
const CHUNK_BUDGET_MS = 30;
/** Badges away from the viewport wait for an idle moment, but no longer than this. */
const IDLE_TIMEOUT_MS = 100;
/** Waits before asking again for identities whose lookup failed; after the last, they count as unknown until a refresh. */
const RETRY_DELAYS_MS = [500, 2000];
/** The first lookup waits this long at most for the viewport to tell which candidates are near (none come in a hidden tab). */
const SIGHT_WAIT_MS = 100;
/** How long after a view appears its required selectors are checked. */
const SELECTOR_CHECK_DELAY = 4000;

const FIELD = { email: 'emails', domain: 'domains', name: 'names' } as const;

interface Candidate {
  kind: IdentityKind;
  value: string;
}

export function startRunner(options: RunnerOptions): Runner {
  const doc = options.root ?? document;
  const work = new AbortController(); // every timer, frame and task the runner has asked for
  const placed = new Map<Element, Map<string, HTMLElement>>(); // anchor → candidate key → badge host
  const stale = new WeakSet<HTMLElement>(); // hosts showing an answer from before the last refresh
  const resolved = new Map<string, string | null>(); // candidate key → account id, null when unknown
  const summaries = new Map<string, AccountSummary>();
  const failures = new Map<string, number>(); // candidate key → failed lookups in a row
  const unasked = new Map<string, Candidate>(); // candidates for the next lookup
  const urgent = new Set<string>(); // unasked candidates shown near the viewport: asked first
  const waiting = new Map<string, Set<Element>>(); // candidate key → anchors waiting for its answer
  const todo = new Map<Element, Map<string, CustomerMatch>>(); // anchor → matches not shown yet
  // Anchors with an answer to show, by where they are: near the viewport, away from it, not told yet.
  const near = new Set<Element>();
  const far = new Set<Element>();
  const unseen = new Set<Element>();
  const nearWaiting = new Set<Element>(); // anchors near the viewport still waiting for a lookup
  const sight = new Map<Element, boolean>(); // anchor → near the viewport, once told
  const hidden: HTMLElement[] = []; // hosts of the chunk being prepared, placed but not displayed yet
  const dirty = new Set<Node>();
  const observedShadows = new WeakSet<ShadowRoot>();
  const piercing = options.adapters.some((a) => a.piercesShadow);
  const pace = createPace();
  const viewport = options.viewport?.(sighted) ?? null;
  let siteMatches = 0;
  let flushQueued = false;
  let nearQueued = false;
  let farRunning = false;
  let chunkLeft = 0; // badges the chunk being prepared still takes
  let unconsidered = 0; // matches a scan found that wait for a later task
  let gateClosed = false; // this frame already sent a lookup
  let inFlight = false;
  let retryAt = 0;
  let retryQueued = false;
  let sightDue = false; // anchors of unasked candidates wait for the viewport's word
  let generation = 0; // bumped by refresh(): answers asked for before it are not kept
  let immediateUntil = 0;
  let immediateLeft = 0;
  let marked = new Set<string>();
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
    if (flushQueued || stopped) return;
    flushQueued = true;
    queueMicrotask(flush);
  }

  function flush() {
    flushQueued = false;
    if (stopped) return;
    if (options.alive && !options.alive()) return stop();
    const roots = outermost(dirty);
    dirty.clear();
    sweep();
    immediateUntil = performance.now() + PLACE_BUDGET_MS;
    immediateLeft = pace.size(far.size);
    const found = roots.flatMap(scan);
    unconsidered += found.length;
    considerFrom(found, 0, immediateUntil);
  }

  /** Considers the matches from `from` on until `end`, the rest in a new task: a long page's first scan finds thousands. */
  function considerFrom(found: CustomerMatch[], from: number, end: number) {
    let i = from;
    while (i < found.length && performance.now() < end) {
      const match = found[i++]!;
      if (match.anchor.isConnected) consider(match); // what waited for a later task may have left the page
    }
    unconsidered -= i - from;
    if (i < found.length) task(() => considerFrom(found, i, performance.now() + PLACE_BUDGET_MS), work.signal);
    sendLookups();
    drainNear();
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

  function consider(match: CustomerMatch) {
    const value = match.value.trim();
    // The background refuses a lookup holding an identifier longer than this: such a string is no customer anyway.
    if (!value || value.length > LOOKUP_LIMITS[match.kind]) return;
    const key = `${match.kind}:${value.toLowerCase()}`;
    const { anchor } = match;
    const host = placed.get(anchor)?.get(key);
    if (host && host.isConnected && !stale.has(host)) return;
    if (resolved.has(key)) {
      const known = resolved.get(key) !== null;
      // Nobody, or a re-render of someone already answered: settled before the frame paints.
      if (!known || (immediateLeft > 0 && performance.now() < immediateUntil)) {
        if (known) immediateLeft--;
        settle(match, key);
        return;
      }
    }
    let matches = todo.get(anchor);
    if (!matches) todo.set(anchor, (matches = new Map()));
    matches.set(key, match);
    if (resolved.has(key)) return ready(anchor);
    let anchors = waiting.get(key);
    if (!anchors) {
      waiting.set(key, (anchors = new Set()));
      unasked.set(key, { kind: match.kind, value });
    }
    anchors.add(anchor);
    watch(anchor);
  }

  /** Asks the viewport where the anchor is; the lookup waits for the answer (a frame) so the near ones go first. */
  function watch(anchor: Element) {
    if (!viewport || sight.has(anchor)) return;
    viewport.watch(anchor); // watching twice is a no-op
    if (sightDue) return;
    sightDue = true;
    task(() => {
      sightDue = false;
      sendLookups();
    }, work.signal, SIGHT_WAIT_MS);
  }

  function forget(anchor: Element) {
    todo.delete(anchor);
    nearWaiting.delete(anchor);
    near.delete(anchor);
    far.delete(anchor);
    unseen.delete(anchor);
    sight.delete(anchor);
    viewport?.unwatch(anchor);
  }

  /** The anchor has an answer to show: it goes in the lane of where it is. */
  function ready(anchor: Element) {
    if (!viewport) return void near.add(anchor);
    const isNear = sight.get(anchor);
    if (isNear === undefined) {
      unseen.add(anchor);
      watch(anchor);
    } else (isNear ? near : far).add(anchor);
    if (isNear === false) runFar();
  }

  function sighted(seen: [Element, boolean][]) {
    if (stopped) return;
    for (const [anchor, isNear] of seen) {
      const matches = todo.get(anchor);
      if (!matches) continue;
      sight.set(anchor, isNear);
      if (unseen.delete(anchor)) (isNear ? near : far).add(anchor);
      if (!isNear) continue;
      for (const key of matches.keys()) {
        if (unasked.has(key)) urgent.add(key);
        if (!resolved.has(key)) nearWaiting.add(anchor);
      }
    }
    sightDue = false;
    sendLookups();
    drainNear();
    runFar();
    checkMarks();
  }

  /** Shows what the anchor has answers for (new badges out of sight when `hide`); returns the number placed. */
  function show(anchor: Element, hide = false): number {
    const matches = todo.get(anchor);
    if (!matches || !anchor.isConnected) {
      forget(anchor);
      return 0;
    }
    let shown = 0;
    for (const [key, match] of matches) {
      if (!resolved.has(key)) continue;
      matches.delete(key);
      if (settle(match, key, hide)) shown++;
    }
    if (!matches.size) forget(anchor);
    return shown;
  }

  /** Places the badges of anchors near the viewport, for at most PLACE_BUDGET_MS, then carries on in a new task. */
  function drainNear() {
    nearQueued = false;
    if (stopped) return;
    const end = performance.now() + PLACE_BUDGET_MS;
    for (const anchor of near) {
      if (performance.now() > end) {
        nearQueued = true;
        return task(drainNear, work.signal);
      }
      near.delete(anchor);
      show(anchor);
    }
    checkMarks();
  }

  /**
   * Places the badges away from the viewport in idle moments, a chunk per frame, sized by how the last frame went.
   * Every frame that changes a long table relayouts all of it, so a chunk's badges go in hidden (a hidden element
   * costs no layout) over as many idle tasks as placing them takes, and are all shown in one.
   */
  function runFar() {
    if (farRunning || stopped || !far.size) return;
    farRunning = true;
    idle(farChunk, work.signal, IDLE_TIMEOUT_MS);
  }

  function farChunk() {
    if (!chunkLeft) chunkLeft = pace.size(far.size);
    const end = performance.now() + CHUNK_BUDGET_MS;
    for (const anchor of far) {
      if (chunkLeft <= 0 || performance.now() > end) break;
      far.delete(anchor);
      chunkLeft -= show(anchor, true);
    }
    const next = () => idle(farChunk, work.signal, IDLE_TIMEOUT_MS);
    if (chunkLeft > 0 && far.size) return next();
    chunkLeft = 0;
    const shown = reveal();
    checkMarks();
    if (!far.size) {
      farRunning = false;
      return;
    }
    if (!shown) return next();
    afterNextFrame((renderMs) => {
      pace.measured(renderMs);
      next();
    }, work.signal);
  }

  /** Displays the hidden hosts still on the page; returns how many. */
  function reveal(): number {
    let shown = 0;
    for (const host of hidden) {
      host.removeAttribute('style');
      if (host.isConnected) shown++;
    }
    hidden.length = 0;
    return shown;
  }

  function sendLookups() {
    if (stopped || inFlight || gateClosed || !unasked.size) return;
    const wait = retryAt - performance.now();
    if (wait > 0) {
      if (!retryQueued) {
        retryQueued = true;
        task(() => {
          retryQueued = false;
          sendLookups();
        }, work.signal, wait);
      }
      return;
    }
    if (sightDue) return; // the viewport tells within a frame which candidates go first
    if (unconsidered && !urgent.size) return; // the rest go together once the scan's matches are all considered
    const batch = new Map<string, Candidate>();
    const take = (key: string) => {
      const candidate = unasked.get(key);
      if (!candidate) return;
      unasked.delete(key);
      batch.set(key, candidate);
    };
    // Those near the viewport alone first (a small lookup answers sooner), then the rest in the next frame.
    for (const key of urgent) if (batch.size < LOOKUP_LIMITS.items) take(key);
    urgent.clear();
    if (!batch.size) for (const key of unasked.keys()) if (batch.size < LOOKUP_LIMITS.items) take(key);
    const request: LookupRequest = { emails: [], domains: [], names: [] };
    for (const { kind, value } of batch.values()) request[FIELD[kind]].push(value);
    // One lookup at a time and at most one per frame: what arrives meanwhile waits in `unasked`.
    gateClosed = true;
    nextFrame(() => {
      gateClosed = false;
      sendLookups();
    }, work.signal, doc);
    inFlight = true;
    const asked = generation;
    const done = (handle: () => void) => {
      inFlight = false;
      if (stopped) return;
      if (asked === generation) handle();
      else for (const [key, candidate] of batch) if (waiting.has(key)) unasked.set(key, candidate); // ask again
      sendLookups();
      drainNear();
    };
    options.lookup(request).then(
      (response) => done(() => answered(batch, response)),
      (error: unknown) => done(() => failed(batch, error)),
    );
  }

  function answered(batch: Map<string, Candidate>, response: LookupResponse) {
    for (const [id, summary] of Object.entries(response.accounts)) summaries.set(id, summary);
    for (const [key, { value }] of batch) {
      const candidate = value.toLowerCase();
      const id = Object.hasOwn(response.matches, candidate) ? response.matches[candidate] : undefined;
      resolved.set(key, typeof id === 'string' && summaries.has(id) ? id : null);
      failures.delete(key);
      release(key);
    }
  }

  /** A failed lookup is asked again a little later; after the last try its identities count as unknown. */
  function failed(batch: Map<string, Candidate>, error: unknown) {
    if (options.alive && !options.alive()) return stop();
    console.warn('Healthmark: lookup failed:', error instanceof Error ? error.message : error);
    let attempt = 0;
    for (const [key, candidate] of batch) {
      const n = (failures.get(key) ?? 0) + 1;
      failures.set(key, n);
      attempt = Math.max(attempt, n);
      if (n <= RETRY_DELAYS_MS.length) unasked.set(key, candidate);
      else {
        resolved.set(key, null);
        release(key);
      }
    }
    if (attempt <= RETRY_DELAYS_MS.length) retryAt = performance.now() + RETRY_DELAYS_MS[attempt - 1]!;
  }

  /** The key has its answer: every anchor that waited for it gets shown (or loses a badge it no longer has). */
  function release(key: string) {
    const anchors = waiting.get(key);
    waiting.delete(key);
    if (!anchors) return;
    const known = resolved.get(key);
    for (const anchor of anchors) {
      const matches = todo.get(anchor);
      if (!matches?.has(key)) continue;
      if (nearWaiting.has(anchor) && [...matches.keys()].every((k) => resolved.has(k))) nearWaiting.delete(anchor);
      if (known) ready(anchor);
      else show(anchor); // nobody: removes a stale badge at once, nothing to wait for
    }
  }

  /** Shows the resolved answer: a badge for a customer (a new one hidden when `hide`), none for anybody else. */
  function settle(match: CustomerMatch, key: string, hide = false): boolean {
    const id = resolved.get(key);
    const summary = id ? summaries.get(id) : undefined;
    if (summary) {
      place(match, key, summary, hide);
      return true;
    }
    const hosts = placed.get(match.anchor);
    hosts?.get(key)?.remove();
    hosts?.delete(key);
    return false;
  }

  function place(match: CustomerMatch, key: string, summary: AccountSummary, hide: boolean) {
    let hosts = placed.get(match.anchor);
    if (!hosts) placed.set(match.anchor, (hosts = new Map()));
    const host = hosts.get(key) ?? doc.createElement(BADGE_TAG);
    if (!host.isConnected) {
      if (hide) {
        host.style.display = 'none'; // the host's own style outweighs the shadow root's :host rule
        hidden.push(host);
      }
      if (placesInside(match)) match.anchor.append(host);
      else lastBadgeAfter(match.anchor, hosts).after(host); // several customers in one element: badges in order
    }
    hosts.set(key, host);
    stale.delete(host);
    options.render(host, summary);
    mark(MARKS.firstBadge);
  }

  /** The view's marks, once each: the badges near the viewport all placed, then every badge. */
  function checkMarks() {
    if (stopped || unconsidered || marked.has(MARKS.allBadges)) return;
    const asked = !unasked.size && !waiting.size && !inFlight;
    // Without a viewport to tell, every anchor counts as near.
    if (sightDue || nearWaiting.size || near.size || unseen.size || nearQueued || (!viewport && !asked)) return;
    mark(MARKS.visibleBadges);
    if (asked && !far.size && !hidden.length) mark(MARKS.allBadges);
  }

  /** Marks the moment the badges placed so far are on screen: after the frame that renders them. */
  function mark(name: string) {
    if (marked.has(name)) return;
    marked.add(name);
    afterNextFrame(() => performance.mark(name), work.signal);
  }

  /** Badges whose anchor left the page leave too; so do anchors waiting for theirs. */
  function sweep() {
    for (const [anchor, hosts] of placed) {
      if (anchor.isConnected) continue;
      for (const host of hosts.values()) host.remove();
      placed.delete(anchor);
    }
    for (const anchor of todo.keys()) if (!anchor.isConnected) forget(anchor);
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
    generation++;
    resolved.clear();
    summaries.clear();
    failures.clear();
    // Placed badges keep showing the old answer until the new one lands; then settle() updates them.
    for (const hosts of placed.values()) for (const host of hosts.values()) stale.add(host);
    rescanAll();
  }

  function navigated() {
    siteMatches = 0;
    marked = new Set();
    // Identities given up on after failed lookups get another chance in the new view.
    for (const [key, n] of failures) if (n > RETRY_DELAYS_MS.length) resolved.delete(key);
    failures.clear();
    checkSelectorsLater();
    rescanAll();
  }

  function stop() {
    if (stopped) return;
    stopped = true;
    observer.disconnect();
    work.abort();
    window.clearTimeout(selectorCheck);
    viewport?.disconnect();
    for (const hosts of placed.values()) for (const host of hosts.values()) host.remove();
    placed.clear();
    hidden.length = 0;
    unconsidered = 0;
    for (const map of [todo, waiting, unasked, sight]) map.clear();
    for (const set of [near, far, unseen, urgent, nearWaiting]) set.clear();
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

/** Drops roots inside another root of the set (scanning the outer one covers them): one walk up per root. */
function outermost(roots: Set<Node>): ParentNode[] {
  const out: ParentNode[] = [];
  next: for (const root of roots) {
    if (!root.isConnected) continue;
    for (let up = root.parentNode; up; up = up.parentNode) if (roots.has(up)) continue next;
    out.push(root as unknown as ParentNode);
  }
  return out;
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
