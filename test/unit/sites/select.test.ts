// @vitest-environment happy-dom
// The shared selector helper: spec alternatives, the changed-subtree cases, and the miss report.

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { freeTextIn } from '../../../lib/sites/freetext';
import {
  byAttribute, byText, missingRequiredSelectors, resetSelectorReport, scanRules, selectorReport, spec,
} from '../../../lib/sites/select';
import { loadPage } from './fixture-dom';

const page = (body: string) => loadPage(`<!doctype html><html><body>${body}</body></html>`, 'https://app.example/');
const person = spec('test.person', [['.new[data-email]', '2026-01'], ['.old[data-email]', '2020-01']], true);
const company = spec('test.company', [['.company', '2026-01']]);
const sidebar = spec('test.sidebar', [['aside.sidebar', '2026-01']]);
const rules = [byAttribute(person, 'email', 'data-email'), byText(company, 'name', { ignore: '.sr-only' }), freeTextIn(sidebar)];

beforeEach(resetSelectorReport);

describe('scanRules', () => {
  it('does not query an alternative whose context is absent, but does when a rescanned root lies inside it', () => {
    const thread = spec('test.thread', [['div.msg span[data-email]', '2026-01'], ['h2 + div span[data-email]', '2026-01']]);
    const inThread = [byAttribute(thread, 'email', 'data-email')];
    const doc = page('<h2>Thread</h2><div id="after"><span id="s1" data-email="a@acme-analytics.example"></span></div><div class="msg"><p id="p"><span id="s2" data-email="b@acme-analytics.example"></span></p></div>');
    const asked: string[] = [];
    const para = doc.getElementById('p')!;
    for (const target of [doc, para] as ParentNode[]) {
      const real = target.querySelectorAll.bind(target);
      vi.spyOn(target, 'querySelectorAll').mockImplementation((css: string) => (asked.push(css), real(css)));
    }
    expect(scanRules(doc, inThread).map((m) => m.anchor.id)).toEqual(['s1', 's2']);
    scanRules(para, inThread); // inside div.msg: its context is an ancestor of the root
    expect(asked.filter((css) => css.startsWith('div.msg'))).toHaveLength(2);
    doc.querySelector('div.msg')!.remove();
    asked.length = 0;
    expect(scanRules(doc, inThread).map((m) => m.anchor.id)).toEqual(['s1']);
    // The thread's context is gone: not asked. A sibling combinator's first compound is no ancestor: asked.
    expect(asked).toEqual(['h2 + div span[data-email]']);
    vi.restoreAllMocks();
  });

  it('returns an element matched by two alternatives once, in document order across rules', () => {
    const doc = page(
      '<b class="company" id="c">Acme <span class="sr-only">Open preview</span>Analytics</b>' +
        '<i class="new old" id="p" data-email="dana.wu@acme-analytics.example"></i>',
    );
    expect(scanRules(doc, rules).map((m) => [m.anchor.id, m.kind, m.value])).toEqual([
      ['c', 'name', 'Acme Analytics'],
      ['p', 'email', 'dana.wu@acme-analytics.example'],
    ]);
  });

  it('interleaves several rules in document order; an element matched by two rules goes to the first', () => {
    const doc = page(
      '<i class="old" id="p1" data-email="a@acme-analytics.example"></i><b class="company" id="c1">Acme</b>' +
        '<b class="company new" id="both" data-email="b@acme-analytics.example">Both</b><i class="new" id="p2" data-email="c@acme-analytics.example"></i>' +
        '<b class="company" id="c2">Cobalt</b>',
    );
    expect(scanRules(doc, rules).map((m) => [m.anchor.id, m.kind])).toEqual([
      ['p1', 'email'], ['c1', 'name'], ['both', 'email'], ['p2', 'email'], ['c2', 'name'],
    ]);
  });

  it('includes the scanned root itself when it matches', () => {
    const doc = page('<i class="old" id="p" data-email="tom.reed@borealis-logistics.example"></i>');
    expect(scanRules(doc.getElementById('p')!, rules).map((m) => m.value)).toEqual(['tom.reed@borealis-logistics.example']);
  });

  it('reads a changed subtree inside a free-text container', () => {
    const doc = page('<aside class="sidebar"><div><p id="row">Email: mia.chen@cobalt-health.example</p></div></aside>');
    expect(scanRules(doc.getElementById('row')!, rules).map((m) => [m.anchor.id, m.value])).toEqual([['row', 'mia.chen@cobalt-health.example']]);
  });

  it('keeps a name that looks like HTML as text', () => {
    const doc = page('<b class="company" id="c">&lt;img src=x onerror=alert(1)&gt;</b>');
    expect(scanRules(doc, rules).map((m) => m.value)).toEqual(['<img src=x onerror=alert(1)>']);
    expect(doc.querySelector('img')).toBeNull();
  });
});

describe('the miss report', () => {
  it('names a required spec that matched nothing, and forgets it after a reset', () => {
    scanRules(page('<b class="company">Acme</b>'), rules);
    expect(missingRequiredSelectors()).toEqual(['test.person']);
    resetSelectorReport();
    expect(missingRequiredSelectors()).toEqual([]);
  });

  it('keeps a spec matched once it matched in any scanned root since the reset', () => {
    scanRules(page('<i class="new" data-email="a@b.example"></i>'), rules);
    scanRules(page('<p>nothing here</p>'), rules);
    expect(missingRequiredSelectors()).toEqual([]);
    expect(selectorReport().find((s) => s.name === 'test.person')).toMatchObject({ matched: true, required: true });
  });
});
