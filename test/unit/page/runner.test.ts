// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { type AccountSummary, LOOKUP_LIMITS, type LookupRequest, type LookupResponse } from '../../../lib/messaging';
import { BADGE_TAG, MARKS, type Runner, startRunner } from '../../../lib/page/runner';
import type { ViewportFactory } from '../../../lib/page/viewport';
import { generic } from '../../../lib/sites/generic';
import type { SiteAdapter } from '../../../lib/sites/types';

const KNOWN: Record<string, string> = { 'dana@acme.example': 'acc-1', 'lee@acme.example': 'acc-1', 'mia@cobalt.example': 'acc-2' };

function summary(id: string, score: number): AccountSummary {
  return {
    accountId: id, name: id, status: 'scored', score, tier: { key: 'healthy', label: 'Healthy', color: '#1e8e3e' },
    trend: { d7: null, d30: null }, coverage: 1, scorecard: 'All', driversUp: [], driversDown: [], nextStep: null,
    flags: [], actions: [], override: null, dataAsOf: null, computedAt: '', demo: false,
  };
}

function backend(scores: Record<string, number> = { 'acc-1': 70, 'acc-2': 30 }) {
  const calls: LookupRequest[] = [];
  const lookup = vi.fn(async (req: LookupRequest): Promise<LookupResponse> => {
    calls.push(req);
    const matches: Record<string, string> = {};
    const accounts: Record<string, AccountSummary> = {};
    for (const e of [...req.emails, ...req.names, ...req.domains]) {
      const id = KNOWN[e.toLowerCase()];
      if (id && scores[id] !== undefined) {
        matches[e.toLowerCase()] = id;
        accounts[id] = summary(id, scores[id]!);
      }
    }
    return { matches, accounts };
  });
  return { calls, lookup };
}

const rendered = new Map<HTMLElement, AccountSummary>();
const render = (host: HTMLElement, s: AccountSummary) => void rendered.set(host, s);
const badges = () => [...document.querySelectorAll(BADGE_TAG)] as HTMLElement[];
let runner: Runner | null = null;

afterEach(() => {
  vi.unstubAllGlobals();
  runner?.stop();
  runner = null;
  rendered.clear();
  document.body.innerHTML = '';
});

describe('page runner', () => {
  test('one lookup for everything on the page; badges only for known customers, next to them', async () => {
    document.body.innerHTML = `<ul>${['dana@acme.example', 'mia@cobalt.example', 'nobody@else.example', 'x@gmail.com']
      .map((e) => `<li><a href="mailto:${e}">${e}</a></li>`).join('')}</ul><p>Cc lee@acme.example and mia@cobalt.example</p>`;
    const { calls, lookup } = backend();
    runner = startRunner({ adapters: [], fallback: generic, lookup, render });
    await vi.waitFor(() => expect(badges()).toHaveLength(4));
    expect(calls).toHaveLength(1);
    expect(calls[0]!.emails.sort()).toEqual(['dana@acme.example', 'lee@acme.example', 'mia@cobalt.example', 'nobody@else.example', 'x@gmail.com']);
    const [first] = badges();
    expect(first!.previousElementSibling?.getAttribute('href')).toBe('mailto:dana@acme.example');
    // Two customers in one paragraph: two badges inside it, in order.
    const inParagraph = [...document.querySelectorAll(`p ${BADGE_TAG}`)] as HTMLElement[];
    expect(inParagraph.map((h) => rendered.get(h)!.accountId)).toEqual(['acc-1', 'acc-2']);
    expect(runner.count()).toBe(4);
  });

  test('a host-app re-render brings no duplicates; removed customers take their badge with them', async () => {
    document.body.innerHTML = `<div id="list"><a href="mailto:dana@acme.example">Dana</a></div>`;
    const { calls, lookup } = backend();
    runner = startRunner({ adapters: [], fallback: generic, lookup, render });
    await vi.waitFor(() => expect(badges()).toHaveLength(1));
    const list = document.getElementById('list')!;
    list.innerHTML = `<a href="mailto:dana@acme.example">Dana</a>`; // same content, new elements
    await vi.waitFor(() => expect(badges()).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 50));
    expect(badges()).toHaveLength(1);
    expect(calls).toHaveLength(1); // answered from the page cache
    list.querySelector('a')!.remove();
    await vi.waitFor(() => expect(badges()).toHaveLength(0));
    expect(runner.count()).toBe(0);
  });

  test('rows added later are batched into one more lookup', async () => {
    document.body.innerHTML = `<table><tbody id="rows"></tbody></table>`;
    const { calls, lookup } = backend();
    runner = startRunner({ adapters: [], fallback: generic, lookup, render });
    const rows = document.getElementById('rows')!;
    for (const e of ['dana@acme.example', 'mia@cobalt.example', 'lee@acme.example']) {
      const cell = document.createElement('td');
      cell.textContent = e;
      rows.appendChild(document.createElement('tr')).appendChild(cell);
    }
    await vi.waitFor(() => expect(badges()).toHaveLength(3));
    expect(calls.length).toBeLessThanOrEqual(2);
    // A table cell's badge goes inside the cell, never between cells.
    for (const b of badges()) expect(b.parentElement!.localName).toBe('td');
  });

  test('refresh re-asks the background: new scores re-render, customers no longer known lose their badge', async () => {
    document.body.innerHTML = `<a href="mailto:dana@acme.example">Dana</a> <a href="mailto:mia@cobalt.example">Mia</a>`;
    let scores: Record<string, number> = { 'acc-1': 70, 'acc-2': 30 };
    const { lookup } = backend();
    lookup.mockImplementation(async (req) => backend(scores).lookup(req));
    runner = startRunner({ adapters: [], fallback: generic, lookup, render });
    await vi.waitFor(() => expect(badges()).toHaveLength(2));
    scores = { 'acc-1': 45 };
    runner.refresh();
    await vi.waitFor(() => expect(badges()).toHaveLength(1));
    expect(rendered.get(badges()[0]!)!.score).toBe(45);
  });

  test('the site adapter wins; the generic scan only runs while the site adapter finds nobody', async () => {
    const site: SiteAdapter = {
      id: 'test', label: 'Test', matches: [],
      scan: (root) => [...(root as ParentNode).querySelectorAll('span[email]')].map((el) => ({ anchor: el, kind: 'email' as const, value: el.getAttribute('email')! })),
    };
    document.body.innerHTML = `<span email="dana@acme.example">Dana</span> <p>mia@cobalt.example</p>`;
    runner = startRunner({ adapters: [site], fallback: generic, lookup: backend().lookup, render });
    await vi.waitFor(() => expect(badges()).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 50));
    expect(badges()[0]!.previousElementSibling?.getAttribute('email')).toBe('dana@acme.example');
    runner.stop();
    document.body.innerHTML = `<p>mia@cobalt.example</p>`;
    runner = startRunner({ adapters: [site], fallback: generic, lookup: backend().lookup, render });
    await vi.waitFor(() => expect(badges()).toHaveLength(1));
  });

  test('stop removes every badge and stops observing', async () => {
    document.body.innerHTML = `<a href="mailto:dana@acme.example">Dana</a>`;
    const controller = new AbortController();
    const { calls, lookup } = backend();
    runner = startRunner({ adapters: [], fallback: generic, lookup, render, signal: controller.signal });
    await vi.waitFor(() => expect(badges()).toHaveLength(1));
    controller.abort();
    expect(badges()).toHaveLength(0);
    document.body.insertAdjacentHTML('beforeend', `<a href="mailto:mia@cobalt.example">Mia</a>`);
    await new Promise((r) => setTimeout(r, 50));
    expect(badges()).toHaveLength(0);
    expect(calls).toHaveLength(1);
  });

  test('a failing lookup leaves the page alone', async () => {
    document.body.innerHTML = `<a href="mailto:dana@acme.example">Dana</a>`;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    runner = startRunner({ adapters: [], fallback: generic, lookup: async () => Promise.reject(new Error('database is closed')), render });
    await vi.waitFor(() => expect(warn).toHaveBeenCalledWith('Healthmark: lookup failed:', 'database is closed'));
    expect(badges()).toHaveLength(0);
    warn.mockRestore();
  });

  test('identifiers longer than the background accepts are never sent; the others still get their badges', async () => {
    const long = { email: `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(63)}.example`, domain: `${'x'.repeat(250)}.example`, name: 'N'.repeat(LOOKUP_LIMITS.name + 1) };
    expect(long.email.length).toBeGreaterThan(LOOKUP_LIMITS.email);
    document.body.innerHTML = '<i id="e"></i><i id="d"></i><i id="n"></i><i id="ok"></i>';
    const site = adapterOf([['e', 'email', long.email], ['d', 'domain', long.domain], ['n', 'name', long.name], ['ok', 'email', 'dana@acme.example']]);
    const { calls, lookup } = backend();
    runner = startRunner({ adapters: [site], lookup, render });
    await vi.waitFor(() => expect(badges()).toHaveLength(1));
    expect(calls).toEqual([{ emails: ['dana@acme.example'], domains: [], names: [] }]);
  });

  test('more candidates than one lookup may carry go in several, at most one per animation frame', async () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (fn: FrameRequestCallback) => frames.push(fn));
    const total = LOOKUP_LIMITS.items * 2 + 100;
    document.body.innerHTML = Array.from({ length: total }, (_, i) => `<i id="c${i}"></i>`).join('');
    const site = adapterOf(Array.from({ length: total }, (_, i) => [`c${i}`, 'name', `Company ${i}`] as const));
    const { calls, lookup } = backend();
    runner = startRunner({ adapters: [site], lookup, render });
    // Between two frames any number of tasks and answers may run: still at most one lookup.
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    const seen = [calls.length];
    for (let i = 0; i < 3; i++) {
      frames.splice(0).forEach((fn) => fn(performance.now()));
      await new Promise((r) => setTimeout(r, 20));
      seen.push(calls.length);
    }
    expect(seen).toEqual([1, 2, 3, 3]);
    expect(calls.map((c) => c.names.length)).toEqual([LOOKUP_LIMITS.items, LOOKUP_LIMITS.items, 100]);
    expect(new Set(calls.flatMap((c) => c.names)).size).toBe(total);
  });

  test('a failed lookup is asked again later; after the last try its people count as unknown until the data changes', async () => {
    document.body.innerHTML = `<a href="mailto:dana@acme.example">Dana</a> <ul id="list"><li>mia@cobalt.example</li></ul>`;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { lookup } = backend();
    let down = true;
    const flaky = vi.fn(async (req: LookupRequest) => (down ? Promise.reject(new Error('database is closed')) : lookup(req)));
    runner = startRunner({ adapters: [], fallback: generic, lookup: flaky, render });
    await vi.waitFor(() => expect(flaky).toHaveBeenCalledTimes(3), { timeout: 4000 });
    await new Promise((r) => setTimeout(r, 300));
    expect(flaky).toHaveBeenCalledTimes(3); // given up: no fourth try, nothing keeps waiting
    document.getElementById('list')!.innerHTML = '<li>mia@cobalt.example</li>'; // a re-render asks nothing new
    await new Promise((r) => setTimeout(r, 50));
    expect(flaky).toHaveBeenCalledTimes(3);
    down = false;
    runner.refresh();
    await vi.waitFor(() => expect(badges()).toHaveLength(2));
    warn.mockRestore();
  });

  test('stops and takes its badges away once the extension is gone: before a scan, or when a lookup fails', async () => {
    document.body.innerHTML = `<p id="p"><a href="mailto:dana@acme.example">Dana</a></p>`;
    let alive = true;
    const { calls, lookup } = backend();
    runner = startRunner({ adapters: [], fallback: generic, lookup, render, alive: () => alive });
    await vi.waitFor(() => expect(badges()).toHaveLength(1));
    alive = false;
    document.getElementById('p')!.insertAdjacentHTML('beforeend', '<a href="mailto:mia@cobalt.example">Mia</a>');
    await vi.waitFor(() => expect(badges()).toHaveLength(0));
    document.body.insertAdjacentHTML('beforeend', '<a href="mailto:lee@acme.example">Lee</a>');
    await new Promise((r) => setTimeout(r, 50));
    expect(badges()).toHaveLength(0);
    expect(calls).toHaveLength(1);

    runner.stop();
    alive = true;
    document.body.innerHTML = `<a href="mailto:dana@acme.example">Dana</a>`;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    let first = true;
    runner = startRunner({
      adapters: [], fallback: generic, render, alive: () => alive,
      lookup: async (req) => {
        if (first) return (first = false), lookup(req);
        alive = false; // Chrome's "Extension context invalidated." comes with browser.runtime.id gone
        throw new Error('Extension context invalidated.');
      },
    });
    await vi.waitFor(() => expect(badges()).toHaveLength(1));
    document.body.insertAdjacentHTML('beforeend', '<p>tom@unknown.example</p>');
    await vi.waitFor(() => expect(badges()).toHaveLength(0));
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  test('while a slow lookup runs, a page re-rendering every few ms gets one lookup and one badge per customer', async () => {
    document.body.innerHTML = `<ul id="list"></ul>`;
    const { calls, lookup } = backend();
    const slow = async (req: LookupRequest) => {
      await new Promise((r) => setTimeout(r, 150));
      return lookup(req);
    };
    runner = startRunner({ adapters: [], fallback: generic, lookup: slow, render });
    const list = document.getElementById('list')!;
    for (let i = 0; i < 20; i++) {
      list.innerHTML = '<li>dana@acme.example</li><li>mia@cobalt.example</li>';
      await new Promise((r) => setTimeout(r, 5));
    }
    await vi.waitFor(() => expect(badges()).toHaveLength(2));
    await new Promise((r) => setTimeout(r, 50));
    expect(badges()).toHaveLength(2);
    expect(calls).toHaveLength(1);
    expect(badges().map((b) => rendered.get(b)!.accountId)).toEqual(['acc-1', 'acc-2']);
  });

  test('badges near the viewport come first: their candidates alone in the first lookup, the rest after', async () => {
    document.body.innerHTML = ['near-1', 'far-1', 'near-2', 'far-2']
      .map((id, i) => `<p id="${id}">${['dana@acme.example', 'lee@acme.example', 'mia@cobalt.example', 'dana@acme.example'][i]}</p>`).join('');
    const watched: Element[] = [];
    let tell: (seen: [Element, boolean][]) => void = () => {};
    const viewport: ViewportFactory = (onSeen) => {
      tell = onSeen;
      return { watch: (a) => void watched.push(a), unwatch: () => {}, disconnect: () => {} };
    };
    const { calls, lookup } = backend();
    const order: string[] = [];
    runner = startRunner({ adapters: [], fallback: generic, lookup, viewport, render: (host, s) => (render(host, s), order.push(host.previousElementSibling!.id)) });
    await vi.waitFor(() => expect(watched).toHaveLength(4));
    expect(calls).toHaveLength(0); // waiting a frame for the viewport's answer
    tell(watched.map((a) => [a, a.id.startsWith('near')]));
    await vi.waitFor(() => expect(badges()).toHaveLength(4));
    expect(calls[0]!.emails.sort()).toEqual(['dana@acme.example', 'mia@cobalt.example']);
    expect(calls[1]!.emails).toEqual(['lee@acme.example']);
    expect(order.slice(0, 2).sort()).toEqual(['near-1', 'near-2']);
  });

  test('badges away from the viewport are put in out of sight and shown together, the near ones at once', async () => {
    performance.clearMarks();
    document.body.innerHTML = ['near-1', 'far-1', 'far-2'].map((id, i) => `<p id="${id}">${['dana@acme.example', 'lee@acme.example', 'mia@cobalt.example'][i]}</p>`).join('');
    const watched: Element[] = [];
    let tell: (seen: [Element, boolean][]) => void = () => {};
    const viewport: ViewportFactory = (onSeen) => {
      tell = onSeen;
      return { watch: (a) => void watched.push(a), unwatch: () => {}, disconnect: () => {} };
    };
    const hiddenWhenRendered = new Map<string, boolean>();
    runner = startRunner({
      adapters: [], fallback: generic, lookup: backend().lookup, viewport,
      render: (host, s) => (render(host, s), hiddenWhenRendered.set(host.previousElementSibling!.id, host.style.display === 'none')),
    });
    await vi.waitFor(() => expect(watched).toHaveLength(3));
    tell(watched.map((a) => [a, a.id.startsWith('near')]));
    await vi.waitFor(() => expect(performance.getEntriesByName(MARKS.allBadges).length).toBeGreaterThan(0));
    expect(Object.fromEntries(hiddenWhenRendered)).toEqual({ 'near-1': false, 'far-1': true, 'far-2': true });
    expect(badges().filter((b) => b.hasAttribute('style'))).toEqual([]);
  });

  test('a scan that finds many is worked through a slice per task, then its people are asked about together', async () => {
    performance.clearMarks();
    const people = ['dana@acme.example', 'lee@acme.example', 'mia@cobalt.example'];
    document.body.innerHTML = Array.from({ length: 300 }, (_, i) => `<p><a href="mailto:${people[i % 3]}">x</a></p>`).join('');
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 1)); // every reading a millisecond later
    const { calls, lookup } = backend();
    runner = startRunner({ adapters: [], fallback: generic, lookup, render });
    await Promise.resolve(); // the first scan has run, in a microtask
    expect(calls).toHaveLength(0); // its matches are still being considered
    await vi.waitFor(() => expect(performance.getEntriesByName(MARKS.allBadges)).toHaveLength(1));
    vi.restoreAllMocks();
    expect(calls).toHaveLength(1);
    expect(badges()).toHaveLength(300);
    expect(new Set(badges().map((b) => b.previousElementSibling)).size).toBe(300);
  });

  test('marks the first badge, the visible ones and all of them on the performance timeline', async () => {
    performance.clearMarks();
    document.body.innerHTML = `<a href="mailto:dana@acme.example">Dana</a>`;
    runner = startRunner({ adapters: [], fallback: generic, lookup: backend().lookup, render });
    await vi.waitFor(() => expect(performance.getEntriesByName(MARKS.allBadges)).toHaveLength(1));
    const at = (name: string) => performance.getEntriesByName(name)[0]!.startTime;
    expect(at(MARKS.firstBadge)).toBeLessThanOrEqual(at(MARKS.visibleBadges));
    expect(at(MARKS.visibleBadges)).toBeLessThanOrEqual(at(MARKS.allBadges));
  });
});

/** An adapter that reports the given (element id, kind, value) matches found under the scanned root. */
function adapterOf(list: readonly (readonly [string, 'email' | 'domain' | 'name', string])[]): SiteAdapter {
  const byId = new Map(list.map(([id, kind, value]) => [id, { kind, value }]));
  return {
    id: 'test', label: 'Test', matches: [],
    scan: (root) => [...root.querySelectorAll('[id]')].flatMap((anchor) => {
      const m = byId.get(anchor.id);
      return m ? [{ anchor, ...m }] : [];
    }),
  };
}
