// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { AccountSummary, LookupRequest, LookupResponse } from '../../../lib/messaging';
import { BADGE_TAG, type Runner, startRunner } from '../../../lib/page/runner';
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
    for (const e of req.emails) {
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
    runner = startRunner({ adapters: [], fallback: generic, lookup: async () => Promise.reject(new Error('Extension context invalidated.')), render });
    await vi.waitFor(() => expect(warn).toHaveBeenCalledWith('Healthmark: lookup failed:', 'Extension context invalidated.'));
    expect(badges()).toHaveLength(0);
    warn.mockRestore();
  });
});
