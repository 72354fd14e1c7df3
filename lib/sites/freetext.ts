// Customers in free text: one TreeWalker pass over a subtree finding email addresses in text nodes,
// `mailto:` links and (optionally) links to other sites' domains. Used by the generic adapter for whole pages
// and by host-app adapters inside containers whose inner markup is not known (customer sidebars).

import type { Rule } from './select';
import { emailsIn, mailtoAddresses } from './text';
import type { CustomerMatch, SelectorSpec } from './types';

/** Never read inside these: code, form fields, and our own badge hosts (plus editors, below). */
const SKIPPED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'healthmark-badge']);
const SKIPPED = [...SKIPPED_TAGS, '[contenteditable=""]', '[contenteditable="true"]', '[contenteditable="plaintext-only"]'].join(', ');

// Cheaper than el.matches(SKIPPED) on every element of a large page.
function isSkipped(el: Element): boolean {
  if (SKIPPED_TAGS.has(el.localName)) return true;
  const editable = el.getAttribute('contenteditable');
  return editable === '' || editable === 'true' || editable === 'plaintext-only';
}

const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;

export interface FreeTextOptions {
  /** Report the hosts of links to other sites as domains. */
  linkDomains?: boolean;
}

/** The walker's next node outside the current node's subtree. */
function nextOutside(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    if (!walker.parentNode()) return null;
  }
}

function textMatches(text: Text, out: CustomerMatch[]): void {
  const data = text.data;
  const parent = text.parentElement;
  if (!parent || !data.includes('@')) return;
  for (const email of emailsIn(data)) {
    // A badge after the element only reads right when the element shows nothing but the address.
    const alone = !text.previousSibling && !text.nextSibling && data.trim() === email;
    out.push({ anchor: parent, kind: 'email', value: email, placement: alone ? 'after' : 'append' });
  }
}

// Relative links stay on the page's own site; only absolute (or protocol-relative) web links can leave it.
// Read from the attribute: resolving every link's URL costs more on a 5,000-row page.
const LINK_HOST = /^(?:https?:)?\/\/(?:[^/?#@]*@)?([^/?#:]+)/i;

function linkMatches(link: Element, ownHost: string, linkDomains: boolean, out: CustomerMatch[]): boolean {
  const href = link.getAttribute('href') ?? '';
  if (/^mailto:/i.test(href)) {
    for (const email of mailtoAddresses(href)) out.push({ anchor: link, kind: 'email', value: email, placement: 'after' });
    return true;
  }
  const host = linkDomains ? LINK_HOST.exec(href.trim())?.[1]?.toLowerCase() : undefined;
  if (host && host !== ownHost) out.push({ anchor: link, kind: 'domain', value: host, placement: 'after' });
  return false;
}

/** Customers shown as text or links under root, in document order. */
export function scanFreeText(root: ParentNode, options: FreeTextOptions = {}): CustomerMatch[] {
  const rootNode = root as Node;
  if (rootNode.nodeType === 1 && (root as Element).closest(SKIPPED)) return [];
  const doc = rootNode.nodeType === 9 ? (rootNode as Document) : rootNode.ownerDocument;
  if (!doc) return [];
  const ownHost = doc.location?.hostname ?? '';
  const out: CustomerMatch[] = [];
  const linkDomains = options.linkDomains === true;
  if (rootNode.nodeType === 1 && (root as Element).localName === 'a') {
    if (linkMatches(root as Element, ownHost, linkDomains, out)) return out;
  }
  const walker = doc.createTreeWalker(rootNode, SHOW_ELEMENT_AND_TEXT);
  let node = walker.nextNode();
  while (node) {
    if (node.nodeType === 3) {
      textMatches(node as Text, out);
      node = walker.nextNode();
      continue;
    }
    const el = node as Element;
    if (isSkipped(el)) {
      node = nextOutside(walker);
      continue;
    }
    // A mailto link's own text would repeat the address it links to.
    const isMailto = el.localName === 'a' && linkMatches(el, ownHost, linkDomains, out);
    node = isMailto ? nextOutside(walker) : walker.nextNode();
  }
  return out;
}

/** Free text inside the spec's containers. */
export function freeTextIn(spec: SelectorSpec): Rule {
  return { spec, scoped: true, find: (el) => scanFreeText(el) };
}
