// Customers in free text: email addresses in text nodes, `mailto:` links and (optionally) links to other
// sites' domains, found with native queries (the page's links, its text as one string) rather than a JS step
// per node. Used by the generic adapter for whole pages
// and by host-app adapters inside containers whose inner markup is not known (customer sidebars).

import type { Rule } from './select';
import { emailsIn, mailtoAddresses } from './text';
import type { CustomerMatch, SelectorSpec } from './types';

/** Never read inside these: code, form fields, and our own badge hosts (plus editors, below). */
const SKIPPED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'healthmark-badge']);
const SKIPPED = [...SKIPPED_TAGS, '[contenteditable=""]', '[contenteditable="true"]', '[contenteditable="plaintext-only"]'].join(', ');

const MAILTO = /^mailto:/i;
const isMailtoLink = (el: Element) => el.localName === 'a' && MAILTO.test(el.getAttribute('href') ?? '');

/** A skipped region, or a mailto link (its text would repeat the address). Cheaper than el.matches(…) per element. */
function isOutOfBounds(el: Element): boolean {
  const tag = el.localName;
  if (SKIPPED_TAGS.has(tag)) return true;
  if (tag === 'a' && MAILTO.test(el.getAttribute('href') ?? '')) return true;
  const editable = el.getAttribute('contenteditable');
  return editable === '' || editable === 'true' || editable === 'plaintext-only';
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

/** Matches in text, each with the text node it came from (to merge them with the links in document order). */
interface TextHits {
  matches: CustomerMatch[];
  nodes: Text[];
}

function textMatches(text: Text, hidden: Hidden, out: TextHits): void {
  const parent = text.parentElement;
  if (!parent || hidden(parent)) return;
  const data = text.data;
  for (const email of emailsIn(data)) {
    // A badge after the element only reads right when the element shows nothing but the address.
    const alone = !text.previousSibling && !text.nextSibling && data.trim() === email;
    out.matches.push({ anchor: parent, kind: 'email', value: email, placement: alone ? 'after' : 'append' });
    out.nodes.push(text);
  }
}

/**
 * Addresses in the text under container. The text is read as one string (one call, instead of one per text
 * node) and only the nodes holding an `@` are read on their own, found by adding up node lengths.
 */
function textMatchesUnder(container: Node, hidden: Hidden, out: TextHits): void {
  const all = container.textContent ?? '';
  let at = all.indexOf('@');
  if (at < 0) return;
  const walker = container.ownerDocument!.createTreeWalker(container, SHOW_TEXT_AND_CDATA);
  let offset = 0;
  for (let node = walker.nextNode() as Text | null; node && at >= 0; node = walker.nextNode() as Text | null) {
    const end = offset + node.length;
    if (at < end) {
      textMatches(node, hidden, out);
      at = all.indexOf('@', end);
    }
    offset = end;
  }
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

/** Link matches and text matches merged into document order (a link comes before the text inside it). */
function inDocumentOrder(links: CustomerMatch[], text: TextHits): CustomerMatch[] {
  if (!text.matches.length) return links;
  if (!links.length) return text.matches;
  const out: CustomerMatch[] = [];
  let i = 0;
  let j = 0;
  while (i < links.length && j < text.matches.length) {
    const textFollows = links[i]!.anchor.compareDocumentPosition(text.nodes[j]!) & Node.DOCUMENT_POSITION_FOLLOWING;
    out.push(textFollows ? links[i++]! : text.matches[j++]!);
  }
  return out.concat(links.slice(i), text.matches.slice(j));
}

/** Customers shown as text or links under root, in document order. */
export function scanFreeText(root: ParentNode, options: FreeTextOptions = {}): CustomerMatch[] {
  const rootNode = root as Node;
  if (rootNode.nodeType === 1 && (root as Element).closest(SKIPPED)) return [];
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
  for (const link of root.querySelectorAll('a[href]')) {
    const parent = link.parentElement; // null at the top of a shadow root
    if (!parent || !hidden(parent)) linkMatches(link, ownHost, linkDomains, out);
  }
  const text: TextHits = { matches: [], nodes: [] };
  textMatchesUnder(container, hidden, text);
  return inDocumentOrder(out, text);
}

/** Free text inside the spec's containers. */
export function freeTextIn(spec: SelectorSpec): Rule {
  return { spec, scoped: true, find: (el) => scanFreeText(el) };
}
