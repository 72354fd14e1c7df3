// @vitest-environment happy-dom
// The pill in its closed shadow root: what it says and shows for scored, trending, overridden and insufficient
// accounts, and one theme switch reaching every badge.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createBadgeLayer } from '../../../components/Badge';
import { pillLook } from '../../../components/badge-label';
import type { AccountSummary } from '../../../lib/messaging';

const base: AccountSummary = {
  accountId: 'acc-1', name: 'Acme Analytics', status: 'scored', score: 42, tier: { key: 'at-risk', label: 'At risk', color: '#d93025' },
  trend: { d7: -12, d30: null }, coverage: 1, scorecard: 'All', driversUp: [], driversDown: [], nextStep: null,
  flags: [], actions: [], override: null, dataAsOf: null, computedAt: '', demo: false,
};

// The shadow roots are closed: keep a reference as the layer creates them.
const roots = new Map<Element, ShadowRoot>();
const attach = Element.prototype.attachShadow;
vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
  const root = attach.call(this, init);
  roots.set(this, root);
  return root;
});

function badge(layer: ReturnType<typeof createBadgeLayer>, summary: AccountSummary) {
  const host = document.body.appendChild(document.createElement('healthmark-badge'));
  layer.render(host, summary);
  const pill = roots.get(host)!.querySelector('button')!;
  return { host, pill };
}

afterEach(() => {
  document.body.innerHTML = '';
  roots.clear();
});

describe('badge pill', () => {
  test('says the score, the tier and the 7-day trend, and shows the score with an arrow', () => {
    const layer = createBadgeLayer(document, { theme: 'light' });
    const { host, pill } = badge(layer, base);
    expect(host.shadowRoot).toBeNull(); // closed: the page cannot reach in
    expect(pill.getAttribute('aria-label')).toBe('Health 42, At risk, down 12 in 7 days — Acme Analytics');
    expect(pill.textContent).toBe('42↓12');
    expect(pill.dataset.tier).toBe('at-risk');
    expect(pill.className).toBe('pill');
    expect(pill.style.getPropertyValue('--tier')).toBe('#d93025');
    layer.destroy();
  });

  test('an overridden score and an unknown one look different from a plain score, and say why', () => {
    const layer = createBadgeLayer(document, { theme: 'light' });
    const overridden = badge(layer, { ...base, trend: { d7: 2, d30: null }, override: { reason: 'Exec sponsor left', author: 'Robin', expiresAt: '2030-01-01' } }).pill;
    expect(overridden.className).toBe('pill overridden');
    expect(overridden.getAttribute('aria-label')).toBe('Health 42, At risk, overridden by Robin — Acme Analytics');
    expect(overridden.textContent).toBe('42'); // a 2-point move is noise: no arrow
    const unknown = badge(layer, { ...base, status: 'insufficient', score: null, tier: null, trend: { d7: null, d30: null } }).pill;
    expect(unknown.className).toBe('pill insufficient');
    expect(unknown.textContent).toBe('–');
    expect(unknown.getAttribute('aria-label')).toBe('Health unknown: not enough data — Acme Analytics');
    expect(unknown.dataset.tier).toBe('none');
    layer.destroy();
  });

  test('a re-render shows the new answer in the same pill; one look per account summary', () => {
    const layer = createBadgeLayer(document, { theme: 'light' });
    const { host, pill } = badge(layer, base);
    const better = { ...base, score: 81, tier: { key: 'healthy', label: 'Healthy', color: '#1e8e3e' }, trend: { d7: 9, d30: null } };
    layer.render(host, better);
    expect(roots.get(host)!.querySelectorAll('button')).toHaveLength(1);
    expect(pill.textContent).toBe('81↑9');
    expect(pill.getAttribute('aria-label')).toBe('Health 81, Healthy, up 9 in 7 days — Acme Analytics');
    expect(pillLook(better)).toBe(pillLook(better));
    layer.destroy();
  });

  test.each([
    ['through the stylesheet they share', false],
    ['where sheets cannot be shared (Firefox content scripts): through each badge\'s own style', true],
  ])('a theme change reaches every badge %s', (_how, noSharedSheets) => {
    if (noSharedSheets) {
      vi.stubGlobal('CSSStyleSheet', class {
        constructor() {
          throw new TypeError('not allowed here');
        }
      });
    }
    const layer = createBadgeLayer(document, { theme: 'light' });
    vi.unstubAllGlobals();
    if (noSharedSheets) {
      // Badges that came and went meanwhile do not keep the switch from reaching those still on the page.
      for (let i = 0; i < 600; i++) badge(layer, base).host.remove();
    }
    const hosts = [badge(layer, base).host, badge(layer, base).host];
    const themeOf = (host: Element) => {
      const root = roots.get(host)!;
      const sheets = root.adoptedStyleSheets.length ? root.adoptedStyleSheets : [...root.querySelectorAll('style')].map((s) => s.sheet!);
      return [...sheets].map((s) => [...s.cssRules].map((r) => r.cssText).join('')).join('');
    };
    for (const host of hosts) expect(themeOf(host)).toContain('--card-bg: #ffffff');
    layer.setTheme('dark');
    for (const host of hosts) expect(themeOf(host)).toContain('--card-bg: #232428');
    layer.destroy();
  });
});
