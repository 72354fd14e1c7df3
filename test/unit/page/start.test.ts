// @vitest-environment happy-dom
// The content script's wiring: the runner stops and its badges go when the extension is updated, disabled or
// removed under an open page (WXT only notices when asked; Chrome's lookups then throw "Extension context
// invalidated").
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { AccountSummary, Envelope, LookupRequest } from '../../../lib/messaging';
import { BADGE_TAG } from '../../../lib/page/runner';
import { startOnPage } from '../../../lib/page/start';
import { generic } from '../../../lib/sites/generic';

const dana: AccountSummary = {
  accountId: 'acc-1', name: 'Acme', status: 'scored', score: 42, tier: { key: 'risk', label: 'At risk', color: '#d93025' },
  trend: { d7: -12, d30: null }, coverage: 1, scorecard: 'All', driversUp: [], driversDown: [], nextStep: null,
  flags: [], actions: [], override: null, dataAsOf: null, computedAt: '', demo: false,
};

// happy-dom's IntersectionObserver never reports: this one says at once that everything is in view.
class InViewObserver {
  constructor(private callback: IntersectionObserverCallback) {}
  observe(target: Element) {
    queueMicrotask(() => this.callback([{ target, isIntersecting: true } as IntersectionObserverEntry], this as unknown as IntersectionObserver));
  }
  unobserve() {}
  disconnect() {}
}

const badges = () => document.querySelectorAll(BADGE_TAG).length;
let fail: Error | null = null;
let ctx: ContentScriptContext;
const extensionId = fakeBrowser.runtime.id;

beforeEach(() => {
  vi.stubGlobal('IntersectionObserver', InViewObserver);
  fail = null;
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    const { type, payload } = message as Envelope<'lookup'>;
    if (type !== 'lookup') return undefined;
    if (fail) throw fail;
    const known = (payload as LookupRequest).emails.filter((e) => e.endsWith('@acme.example'));
    return Promise.resolve({ ok: true, data: { matches: Object.fromEntries(known.map((e) => [e, 'acc-1'])), accounts: known.length ? { 'acc-1': dana } : {} } });
  });
  document.body.innerHTML = '<p id="p"><a href="mailto:dana@acme.example">Dana</a></p>';
  ctx = new ContentScriptContext('test');
});

afterEach(() => {
  ctx.abort();
  (fakeBrowser.runtime as { id?: string }).id = extensionId;
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('content script on a page', () => {
  test('the extension removed under the page: the next change to the page stops the runner and takes the badges away', async () => {
    await startOnPage(ctx, { site: null, fallback: generic });
    await vi.waitFor(() => expect(badges()).toBe(1));
    (fakeBrowser.runtime as { id?: string }).id = undefined; // what browser.runtime.id reads once the extension is gone
    document.getElementById('p')!.append(' and lee@acme.example');
    await vi.waitFor(() => expect(badges()).toBe(0));
    expect(ctx.isInvalid).toBe(true);
  });

  test('a lookup answered with "Extension context invalidated": the runner stops and the badges go', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await startOnPage(ctx, { site: null, fallback: generic });
    await vi.waitFor(() => expect(badges()).toBe(1));
    fail = new Error('Extension context invalidated.');
    document.getElementById('p')!.append(' and lee@acme.example');
    await vi.waitFor(() => expect(badges()).toBe(0));
    expect(ctx.signal.aborted).toBe(true);
    warn.mockRestore();
  });
});
