// @vitest-environment happy-dom
// Every fixture page against its adapter: what is found (anchor, kind, value, order), stability across scans,
// match patterns, and the report of required selectors that matched nothing.

import { MatchPattern } from '@webext-core/match-patterns';
import { describe, expect, it } from 'vitest';
import { emailDomain, isFreeMailDomain, normalizeEmail } from '../../../lib/identity';
import { ALL_ADAPTERS } from '../../../lib/sites/index';
import { missingRequiredSelectors, resetSelectorReport, selectorReport } from '../../../lib/sites/select';
import type { CustomerMatch, SiteAdapter } from '../../../lib/sites/types';
import { flatTreeOrder, listFixtures, loadPage, openShadowRoots, resolve, type Fixture } from './fixture-dom';

const fixtures = listFixtures();

function adapterFor(fixture: Fixture): SiteAdapter {
  const adapter = ALL_ADAPTERS.find((a) => a.id === fixture.app);
  if (!adapter) throw new Error(`${fixture.file}: no adapter with id "${fixture.app}"`);
  return adapter;
}

/** The document, then every open shadow root when the adapter pierces them: what the runner scans. */
function rootsOf(doc: Document, adapter: SiteAdapter): ParentNode[] {
  return adapter.piercesShadow ? [doc, ...openShadowRoots(doc)] : [doc];
}

function scanPage(doc: Document, adapter: SiteAdapter): CustomerMatch[][] {
  return rootsOf(doc, adapter).map((root) => adapter.scan(root));
}

const described = (m: CustomerMatch, order: Map<Element, number>) => ({
  at: order.get(m.anchor),
  kind: m.kind,
  value: m.value,
  placement: m.placement ?? 'after',
});

describe.each(fixtures.map((f) => [f.file, f] as const))('%s', (_file, fixture) => {
  const adapter = adapterFor(fixture);
  const load = () => loadPage(fixture.html, fixture.urls[0] ?? 'https://example.invalid/');

  it('finds every expected customer, in document order, at the expected anchor', () => {
    const doc = load();
    const order = flatTreeOrder(doc);
    const perRoot = scanPage(doc, adapter);
    for (const found of perRoot) {
      const positions = found.map((m) => order.get(m.anchor) ?? -1);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
    const found = perRoot.flat().sort((a, b) => (order.get(a.anchor) ?? -1) - (order.get(b.anchor) ?? -1));
    const expected = fixture.matches.map((e) => ({
      at: order.get(resolve(doc, e.selector)),
      kind: e.kind,
      value: e.value,
      placement: e.placement ?? 'after',
    }));
    expect(found.map((m) => described(m, order))).toEqual(expected);
  });

  it('reports an unknown customer, and a free-mail sender where the view shows addresses (the background filters them)', () => {
    const values = fixture.matches.map((m) => m.value.toLowerCase());
    expect(values.some((v) => v.includes('unknown-co') || v.includes('unknown co'))).toBe(true);
    const emails = values.map(normalizeEmail).filter((e): e is string => e !== null);
    // Views that name only companies (ticket lists) have no address to show.
    const showsAddresses = fixture.matches.some((m) => m.kind === 'email');
    expect(emails.some((e) => isFreeMailDomain(emailDomain(e)))).toBe(showsAddresses);
  });

  it('finds the same anchors when scanning twice', () => {
    const doc = load();
    const first = scanPage(doc, adapter).flat();
    const second = scanPage(doc, adapter).flat();
    expect(second.map((m) => [m.anchor, m.kind, m.value])).toEqual(first.map((m) => [m.anchor, m.kind, m.value]));
    expect(first.length).toBeGreaterThan(0);
  });

  it("is served at URLs the adapter's match patterns cover", () => {
    expect(fixture.urls.length).toBeGreaterThan(0);
    if (adapter.matches.length === 0) return expect(adapter.id).toBe('generic');
    const patterns = adapter.matches.map((p) => new MatchPattern(p));
    for (const url of fixture.urls) expect(patterns.some((p) => p.includes(url)), url).toBe(true);
  });

  it('names a required selector once its elements are removed', () => {
    resetSelectorReport();
    scanPage(load(), adapter);
    const requiredHere = selectorReport().filter((s) => s.required && s.matched);
    for (const spec of requiredHere) {
      const doc = load();
      for (const root of rootsOf(doc, adapter)) for (const el of root.querySelectorAll(spec.css)) el.remove();
      resetSelectorReport();
      scanPage(doc, adapter);
      expect(missingRequiredSelectors()).toContain(spec.name);
    }
  });
});

describe('adapters', () => {
  it.each(ALL_ADAPTERS.map((a) => [a.id, a] as const))('%s has at least one fixture', (id) => {
    expect(fixtures.some((f) => f.app === id)).toBe(true);
  });

  it.each(ALL_ADAPTERS.filter((a) => a.id !== 'generic').map((a) => [a.id, a] as const))(
    '%s has a required selector that its fixtures exercise',
    (id, adapter) => {
      resetSelectorReport();
      for (const f of fixtures.filter((x) => x.app === id)) scanPage(loadPage(f.html, f.urls[0]!), adapter);
      expect(selectorReport().some((s) => s.required && s.matched)).toBe(true);
    },
  );
});
