// Customers in free text: email addresses in text nodes, `mailto:` links and (optionally) links to other
// sites' domains, found with native queries (the page's links, its text as one string) rather than a JS step
// per node. Used by the generic adapter for whole pages
// and by host-app adapters inside containers whose inner markup is not known (customer sidebars).

import type { Rule } from './select';
import { emailsIn, mailtoAddresses } from './text';
import type { CustomerMatch, SelectorSpec } from './types';

/** Never read inside these: code, form fields, and our own badge hosts (plus editors, below). */
const SKIPPED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'healthmark-badge']);

const MAILTO = /^mailto:/i;
const isMailtoLink = (el: Element) => el.localName === 'a' && MAILTO.test(el.getAttribute('href') ?? '');

/** Code, a form field, an editor or one of our badges. Cheaper than el.matches(…) per element. */
function isSkipped(el: Element): boolean {
  if (SKIPPED_TAGS.has(el.localName)) return true;
  const editable = el.getAttribute('contenteditable');
  return editable === '' || editable === 'true' || editable === 'plaintext-only';
}

/** A skipped region, or a mailto link (its text would repeat the address). */
const isOutOfBounds = (el: Element) => isSkipped(el) || isMailtoLink(el);

/**
 * Whether a rescanned root lies in a region the whole-page scan never reads: itself skipped, or under a skipped
 * element or a mailto link (the link's badge already stands for the address its text repeats). A mailto link as
 * the root itself is read: it reports its own address.
 */
function isInsideOutOfBounds(root: Node): boolean {
  const el = root.nodeType === 1 ? (root as Element) : root.nodeType === 11 ? (root as ShadowRoot).host : null;
  if (!el) return false;
  if (el === root ? isSkipped(el) : isOutOfBounds(el)) return true;
  for (let up = el.parentElement; up; up = up.parentElement) if (isOutOfBounds(up)) return true;
  return false;
}

// Text and CDATA nodes: exactly the nodes textContent concatenates, so lengths add up to its offsets.
const SHOW_TEXT_AND_CDATA = 0x4 | 0x8;

export interface FreeTextOptions {
  /** Report the hosts of links to other sites as domains. */
  linkDomains?: boolean;
}

/** Whether a node under this element is out of bounds: a skipped region, or a mailto link (its text would repeat it). */
type Hidden = (el: Element) => boolean;

/** Remembers each element's answer: the hits of one scan share most of their ancestors. Root's ancestors count as visible. */
function hiddenUnder(root: Node): Hidden {
  const known = new Map<Element, boolean>();
  const hidden = (el: Element): boolean => {
    let answer = known.get(el);
    if (answer === undefined) {
      const parent = el.parentElement;
      answer = isOutOfBounds(el) || (el !== root && parent !== null && hidden(parent));
      known.set(el, answer);
    }
    return answer;
  };
  return hidden;
}

function textMatches(text: Text, hidden: Hidden, out: CustomerMatch[]): void {
  const parent = text.parentElement;
  if (!parent || hidden(parent)) return;
  const data = text.data;
  for (const email of emailsIn(data)) {
    // A badge after the element only reads right when the element shows nothing but the address.
    const alone = !text.previousSibling && !text.nextSibling && data.trim() === email;
    out.push({ anchor: parent, kind: 'email', value: email, placement: alone ? 'after' : 'append' });
  }
}

/**
 * The link matches and the addresses in the text under container, in document order. The text is read as one
 * string (one call, instead of one per text node) and only the nodes holding an `@` are read on their own, found
 * by adding up node lengths. Each link's matches go out just before the first text node at or after the link
 * (comparing positions instead would walk the siblings of their common ancestor: quadratic in a long table).
 */
function inDocumentOrder(container: Node, hidden: Hidden, links: CustomerMatch[], out: CustomerMatch[]): void {
  const walker = container.ownerDocument!.createTreeWalker(container, SHOW_TEXT_AND_CDATA);
  const before = new Map<Node, CustomerMatch[]>();
  const last: CustomerMatch[] = []; // links with no text after them
  let list = last;
  for (let i = 0; i < links.length; i++) {
    const { anchor } = links[i]!;
    if (anchor !== links[i - 1]?.anchor) {
      walker.currentNode = anchor;
      const next = walker.nextNode();
      list = next ? (before.get(next) ?? before.set(next, []).get(next)!) : last;
    }
    list.push(links[i]!);
  }
  walker.currentNode = container;
  const all = container.textContent ?? '';
  let at = all.indexOf('@');
  let offset = 0;
  for (let node = walker.nextNode() as Text | null; node && at >= 0; node = walker.nextNode() as Text | null) {
    const preceding = before.get(node);
    if (preceding) {
      out.push(...preceding);
      before.delete(node);
    }
    const end = offset + node.length;
    if (at < end) {
      textMatches(node, hidden, out);
      at = all.indexOf('@', end);
    }
    offset = end;
  }
  // No address after here: the links left follow in their own order.
  for (const list of before.values()) out.push(...list);
  out.push(...last);
}

// Relative links stay on the page's own site; only absolute (or protocol-relative) web links can leave it.
// Read from the attribute: resolving every link's URL costs more on a 5,000-row page.
const LINK_HOST = /^(?:https?:)?\/\/(?:[^/?#@]*@)?([^/?#:]+)/i;

function linkMatches(link: Element, ownHost: string, linkDomains: boolean, out: CustomerMatch[]): void {
  const href = link.getAttribute('href') ?? '';
  if (MAILTO.test(href)) {
    for (const email of mailtoAddresses(href)) out.push({ anchor: link, kind: 'email', value: email, placement: 'after' });
    return;
  }
  const host = linkDomains ? LINK_HOST.exec(href.trim())?.[1]?.toLowerCase() : undefined;
  if (host && host !== ownHost) out.push({ anchor: link, kind: 'domain', value: host, placement: 'after' });
}

/** Customers shown as text or links under root, in document order (a link comes before the text inside it). */
export function scanFreeText(root: ParentNode, options: FreeTextOptions = {}): CustomerMatch[] {
  const rootNode = root as Node;
  if (isInsideOutOfBounds(rootNode)) return [];
  const doc = rootNode.nodeType === 9 ? (rootNode as Document) : rootNode.ownerDocument;
  if (!doc) return [];
  // A document's text lives under its root element (Document.textContent is null).
  const container: Node | null = rootNode.nodeType === 9 ? doc.documentElement : rootNode;
  if (!container) return [];
  const ownHost = doc.location?.hostname ?? '';
  const linkDomains = options.linkDomains === true;
  const hidden = hiddenUnder(container);
  const out: CustomerMatch[] = [];
  if (rootNode.nodeType === 1 && (root as Element).localName === 'a') {
    linkMatches(root as Element, ownHost, linkDomains, out);
    if (isMailtoLink(root as Element)) return out;
  }
  const links: CustomerMatch[] = [];
  for (const link of root.querySelectorAll('a[href]')) {
    const parent = link.parentElement; // null at the top of a shadow root
    if (!parent || !hidden(parent)) linkMatches(link, ownHost, linkDomains, links);
  }
  inDocumentOrder(container, hidden, links, out);
  return out;
}

/** Free text inside the spec's containers. */
export function freeTextIn(spec: SelectorSpec): Rule {
  return { spec, scoped: true, find: (el) => scanFreeText(el) };
}
