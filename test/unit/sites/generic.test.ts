// @vitest-environment happy-dom
// The generic adapter on small pages: text emails, mailto links, skipped regions, caps, and text that looks like HTML.

import { describe, expect, it } from 'vitest';
import { generic } from '../../../lib/sites/generic';
import { emailsIn, TEXT_SCAN_CAP } from '../../../lib/sites/text';
import { loadPage } from './fixture-dom';

const page = (body: string) => loadPage(`<!doctype html><html><body>${body}</body></html>`, 'https://intranet.example/page');
const found = (doc: Document) => generic.scan(doc).map((m) => ({ id: m.anchor.id, kind: m.kind, value: m.value, placement: m.placement }));

describe('generic adapter', () => {
  it('finds every address in running text, badged at the end of the containing element', () => {
    const doc = page('<p id="p">Ask dana.wu@acme-analytics.example, or lee.park@acme-analytics.example.</p>');
    expect(found(doc)).toEqual([
      { id: 'p', kind: 'email', value: 'dana.wu@acme-analytics.example', placement: 'append' },
      { id: 'p', kind: 'email', value: 'lee.park@acme-analytics.example', placement: 'append' },
    ]);
  });

  it('places the badge after an element that shows only the address', () => {
    const doc = page('<span id="s"> mia.chen@cobalt-health.example </span>');
    expect(found(doc)).toEqual([{ id: 's', kind: 'email', value: 'mia.chen@cobalt-health.example', placement: 'after' }]);
  });

  it('reads a mailto link without its ?subject and does not repeat its text', () => {
    const doc = page('<a id="m" href="mailto:Tom.Reed@borealis-logistics.example?subject=Hi%20there">Tom.Reed@borealis-logistics.example</a>');
    expect(found(doc)).toEqual([{ id: 'm', kind: 'email', value: 'Tom.Reed@borealis-logistics.example', placement: 'after' }]);
  });

  it('ignores script, style, textarea, input, contenteditable regions and its own badges', () => {
    const doc = page(
      '<script>var a = "a@acme-analytics.example";</script><style>/* b@acme-analytics.example */</style>' +
        '<textarea>c@acme-analytics.example</textarea><input value="d@acme-analytics.example">' +
        '<div contenteditable="true"><p>e@acme-analytics.example</p></div><div contenteditable="plaintext-only">f@acme-analytics.example</div>' +
        '<healthmark-badge>g@acme-analytics.example</healthmark-badge><p id="ok">h@acme-analytics.example</p>',
    );
    expect(found(doc).map((m) => m.value)).toEqual(['h@acme-analytics.example']);
  });

  it('finds nothing when asked to rescan a subtree inside an editor', () => {
    const doc = page('<div contenteditable="true"><p id="inner">e@acme-analytics.example</p></div>');
    expect(generic.scan(doc.getElementById('inner')!)).toEqual([]);
  });

  it('rescans a changed subtree on its own', () => {
    const doc = page('<p>x@elsewhere.example</p><ul id="list"><li id="li">ana.silva@borealis-logistics.example</li></ul>');
    expect(generic.scan(doc.getElementById('list')!).map((m) => [m.anchor.id, m.value])).toEqual([['li', 'ana.silva@borealis-logistics.example']]);
  });

  it('reports hosts of links to other sites, not links to the page’s own host', () => {
    const doc = page('<a id="a" href="https://acme-analytics.example/pricing">Acme</a><a href="/local">me</a><a href="https://intranet.example/x">me too</a><a href="ftp://files.example/">ftp</a>');
    expect(found(doc)).toEqual([{ id: 'a', kind: 'domain', value: 'acme-analytics.example', placement: 'after' }]);
  });

  it('reads hosts from absolute and protocol-relative hrefs without resolving them', () => {
    const doc = page('<a id="u" href=" HTTPS://user@Acme-Analytics.example:8443/x">a</a><a id="p" href="//cdn.fjord-robotics.example/x">b</a><a href="javascript:void 0">c</a>');
    expect(found(doc).map((m) => [m.id, m.value])).toEqual([['u', 'acme-analytics.example'], ['p', 'cdn.fjord-robotics.example']]);
  });

  it('caps a huge text node: an address past the cap is not read', () => {
    const filler = 'x'.repeat(TEXT_SCAN_CAP);
    const doc = page(`<pre id="log">early@acme-analytics.example ${filler} late@acme-analytics.example</pre>`);
    expect(found(doc).map((m) => m.value)).toEqual(['early@acme-analytics.example']);
  });

  it('merges links and text in document order, each address found in its own text node among many', () => {
    const filler = Array.from({ length: 50 }, (_, i) => `<span>row ${i}</span><script>"s${i}@acme-analytics.example"</script>`).join('');
    const doc = page(
      `<p id="t1">a@acme-analytics.example</p>${filler}<a id="l" href="mailto:b@acme-analytics.example">B</a>` +
        `<a id="d" href="https://cobalt-health.example/">Cobalt <b id="inner">c@cobalt-health.example</b></a>${filler}<p id="t2">x <i>y</i> d@fjord-robotics.example</p>` +
        `<a id="e" href="mailto:e@fjord-robotics.example,f@fjord-robotics.example"></a><a id="z" href="https://zeta.example/"></a>`,
    );
    expect(found(doc).map((m) => [m.id, m.value])).toEqual([
      ['t1', 'a@acme-analytics.example'],
      ['l', 'b@acme-analytics.example'],
      ['d', 'cobalt-health.example'],
      ['inner', 'c@cobalt-health.example'],
      ['t2', 'd@fjord-robotics.example'],
      ['e', 'e@fjord-robotics.example'],
      ['e', 'f@fjord-robotics.example'],
      ['z', 'zeta.example'],
    ]);
  });

  it('a link whose own text holds an address: the link first, then the address, both anchored on the link', () => {
    const doc = page('<a id="d" href="https://cobalt-health.example/">write to mia.chen@cobalt-health.example</a>');
    expect(found(doc)).toEqual([
      { id: 'd', kind: 'domain', value: 'cobalt-health.example', placement: 'after' },
      { id: 'd', kind: 'email', value: 'mia.chen@cobalt-health.example', placement: 'append' },
    ]);
  });

  it('rescanning an element inside a mailto link finds nothing: the link already stands for its address', () => {
    const doc = page('<a id="m" href="MAILTO:tom.reed@borealis-logistics.example"><span id="s"><b id="b">tom.reed@borealis-logistics.example</b></span></a>');
    expect(found(doc)).toEqual([{ id: 'm', kind: 'email', value: 'tom.reed@borealis-logistics.example', placement: 'after' }]);
    expect(generic.scan(doc.getElementById('s')!)).toEqual([]);
    expect(generic.scan(doc.getElementById('b')!)).toEqual([]);
    // The link itself, rescanned, reports its address once.
    expect(generic.scan(doc.getElementById('m')!).map((m) => [m.anchor.id, m.value])).toEqual([['m', 'tom.reed@borealis-logistics.example']]);
  });

  it('nested skipped regions, and a link inside one, stay unread; what follows them is read', () => {
    const doc = page(
      '<div contenteditable="true"><blockquote><noscript><p>a@acme-analytics.example</p></noscript><textarea>b@acme-analytics.example</textarea>' +
        '<a href="mailto:c@acme-analytics.example">c</a><a href="https://cobalt-health.example/">cobalt</a><p>d@acme-analytics.example</p></blockquote></div>' +
        '<template><a href="mailto:e@acme-analytics.example">e</a></template><p id="after">f@fjord-robotics.example</p>',
    );
    expect(found(doc).map((m) => [m.id, m.value])).toEqual([['after', 'f@fjord-robotics.example']]);
    expect(generic.scan(doc.querySelector('blockquote')!)).toEqual([]);
  });

  it('an element root holding skipped regions, links and text reports only what is readable under it', () => {
    const doc = page(
      '<section id="sec"><a id="l" href="mailto:ana.silva@borealis-logistics.example">Ana</a><script>"x@acme-analytics.example"</script>' +
        '<div contenteditable=""><a href="https://acme-analytics.example/">acme</a> y@acme-analytics.example</div>' +
        '<p id="p">Cc lee.park@acme-analytics.example</p><a id="d" href="https://juniper-schools.example/">Juniper</a></section><p>z@acme-analytics.example</p>',
    );
    expect(generic.scan(doc.getElementById('sec')!).map((m) => [m.anchor.id, m.value])).toEqual([
      ['l', 'ana.silva@borealis-logistics.example'],
      ['p', 'lee.park@acme-analytics.example'],
      ['d', 'juniper-schools.example'],
    ]);
  });

  it('a shadow root holding skipped regions and a mailto link reports only what is readable', () => {
    const doc = page('<div id="host"></div>');
    const shadow = doc.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML =
      '<style>/* s@acme-analytics.example */</style><a id="m" href="mailto:mia.chen@cobalt-health.example"><i>mia.chen@cobalt-health.example</i></a>' +
      '<div contenteditable="true"><p>e@acme-analytics.example</p></div><p id="p">Cc tom.reed@borealis-logistics.example</p>';
    expect(generic.scan(shadow).map((m) => [m.anchor.id, m.value])).toEqual([
      ['m', 'mia.chen@cobalt-health.example'],
      ['p', 'tom.reed@borealis-logistics.example'],
    ]);
    expect(generic.scan(shadow.querySelector('i')!)).toEqual([]);
  });

  it('scans a shadow root, including a link at its top level', () => {
    const doc = page('<div id="host"></div>');
    const shadow = doc.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<a id="m" href="mailto:mia.chen@cobalt-health.example">Mia</a><p id="p">Cc tom.reed@borealis-logistics.example</p>';
    expect(generic.scan(shadow).map((m) => [m.anchor.id, m.value])).toEqual([
      ['m', 'mia.chen@cobalt-health.example'],
      ['p', 'tom.reed@borealis-logistics.example'],
    ]);
  });

  it('keeps text that looks like HTML as text', () => {
    const doc = page('<p id="p">&lt;img src=x onerror=alert(1)&gt; &lt;b&gt;dana.wu@acme-analytics.example&lt;/b&gt;</p>');
    expect(found(doc)).toEqual([{ id: 'p', kind: 'email', value: 'dana.wu@acme-analytics.example', placement: 'append' }]);
    expect(doc.querySelector('img, b')).toBeNull();
  });
});

describe('emailsIn', () => {
  it('stops at sentence punctuation and angle brackets', () => {
    expect(emailsIn('Mail <ruth.okafor@indigo-apparel.example>, then paul.meyer@juniper-schools.example.')).toEqual([
      'ruth.okafor@indigo-apparel.example',
      'paul.meyer@juniper-schools.example',
    ]);
  });

  it('returns at most the limit, and nothing for @ signs that are not addresses', () => {
    expect(emailsIn('a@b.example c@d.example e@f.example', 2)).toEqual(['a@b.example', 'c@d.example']);
    expect(emailsIn('@'.repeat(5000) + ' @handle x@y')).toEqual([]);
  });
});
