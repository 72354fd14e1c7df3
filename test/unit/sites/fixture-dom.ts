// Loads a site fixture into its own happy-dom window at the URL the page really has, turns declarative shadow
// roots (which happy-dom parses but does not attach) into open shadow roots, and resolves `a >>> b` selectors.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';

export const FIXTURES = join(import.meta.dirname, '../../fixtures/sites');

export interface Expected {
  selector: string;
  kind: 'email' | 'domain' | 'name';
  value: string;
  placement?: 'after' | 'append';
}

export interface Fixture {
  file: string;
  app: string;
  html: string;
  urls: string[];
  matches: Expected[];
}

/** Every test/fixtures/sites/<app>-<view>.html with its sibling .expect.json. */
export function listFixtures(): Fixture[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((file) => {
      const expectPath = join(FIXTURES, file.replace(/\.html$/, '.expect.json'));
      const expected = JSON.parse(readFileSync(expectPath, 'utf8')) as { urls: string[]; matches: Expected[] };
      return { file, app: file.slice(0, file.indexOf('-')), html: readFileSync(join(FIXTURES, file), 'utf8'), ...expected };
    });
}

function attachDeclarativeShadowRoots(root: ParentNode): void {
  for (const template of [...root.querySelectorAll('template[shadowrootmode]')] as HTMLTemplateElement[]) {
    const host = template.parentElement;
    if (!host) throw new Error('a declarative shadow root template needs a host element');
    const shadow = host.attachShadow({ mode: template.getAttribute('shadowrootmode') === 'closed' ? 'closed' : 'open' });
    shadow.append(template.content);
    template.remove();
    attachDeclarativeShadowRoots(shadow);
  }
}

export function loadPage(html: string, url: string): Document {
  const window = new Window({ url });
  window.document.write(html);
  const doc = window.document as unknown as Document;
  attachDeclarativeShadowRoots(doc);
  return doc;
}

/** Open shadow roots in flat-tree order (a host's shadow tree before its light children). */
export function openShadowRoots(root: ParentNode): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot) roots.push(el.shadowRoot, ...openShadowRoots(el.shadowRoot));
  }
  return roots;
}

/** Position of every element in the flat tree, for ordering matches found across shadow roots. */
export function flatTreeOrder(doc: Document): Map<Element, number> {
  const order = new Map<Element, number>();
  const visit = (root: ParentNode): void => {
    for (let el = root.firstElementChild; el; el = el.nextElementSibling) {
      order.set(el, order.size);
      if (el.shadowRoot) visit(el.shadowRoot);
      visit(el);
    }
  };
  visit(doc);
  return order;
}

/** `host >>> inner` steps into host's open shadow root. */
export function resolve(doc: Document, selector: string): Element {
  let scope: ParentNode = doc;
  const steps = selector.split('>>>').map((s) => s.trim());
  for (const [i, step] of steps.entries()) {
    const el = scope.querySelector(step);
    if (!el) throw new Error(`selector step "${step}" of "${selector}" finds nothing`);
    if (i === steps.length - 1) return el;
    if (!el.shadowRoot) throw new Error(`"${step}" of "${selector}" has no open shadow root`);
    scope = el.shadowRoot;
  }
  throw new Error(`empty selector "${selector}"`);
}
