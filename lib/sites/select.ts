// The one place adapters touch the DOM through their dated selectors: queries a SelectorSpec (every css
// alternative at once, so each element comes back once, in document order), remembers per spec name whether it
// matched, and turns an adapter's rules into a scan. Adapter files stay data: specs plus rules.

import { emailsIn, mailtoAddresses, textOf } from './text';
import type { CustomerMatch, IdentityKind, Placement, SelectorSpec, SiteAdapter } from './types';

/**
 * A spec from `[css, seen]` pairs, newest first. `seen` is the month public code last showed the selector: a
 * fetched repository's commit date, or 2026-07 (when the evidence notes were compiled) for undated sources.
 */
export function spec(name: string, selectors: [css: string, seen: string][], required = false): SelectorSpec {
  return { name, selectors: selectors.map(([css, seen]) => ({ css, seen })), required };
}

const cssOfSpec = new WeakMap<SelectorSpec, string>();

/** All css alternatives of a spec as one selector list. */
export function specCss(spec: SelectorSpec): string {
  let css = cssOfSpec.get(spec);
  if (css === undefined) {
    css = [...new Set(spec.selectors.map((s) => s.css))].join(', ');
    cssOfSpec.set(spec, css);
  }
  return css;
}

interface SpecRecord {
  css: string;
  required: boolean;
  matched: boolean;
}

// Per spec name, since the last reset (the runner resets on navigation).
const report = new Map<string, SpecRecord>();

function record(spec: SelectorSpec, matched: boolean): void {
  const seen = report.get(spec.name);
  if (seen) seen.matched ||= matched;
  else report.set(spec.name, { css: specCss(spec), required: spec.required === true, matched });
}

/** Names of required specs that were looked for and matched nothing since the last reset. Names only, no page content. */
export function missingRequiredSelectors(): string[] {
  return [...report].filter(([, r]) => r.required && !r.matched).map(([name]) => name);
}

/** Every spec looked for since the last reset, with its css and whether it matched (diagnostics and tests). */
export function selectorReport(): { name: string; css: string; required: boolean; matched: boolean }[] {
  return [...report].map(([name, r]) => ({ name, ...r }));
}

/** Forget what matched: call when the page navigates to another view. */
export function resetSelectorReport(): void {
  report.clear();
}

const isElement = (node: ParentNode): node is Element => (node as Node).nodeType === 1;

/** How one spec's elements show customers. */
export interface Rule {
  spec: SelectorSpec;
  find(el: Element): CustomerMatch[];
  /** find() also works on a descendant of a matched element (free-text containers). */
  scoped?: boolean;
}

/** Elements one css alternative matches under root (root included), in document order, with the rule owning them. */
interface Hits {
  rule: number;
  elements: Element[];
  at: number;
}

/**
 * The first compound of a selector whose match must be an ancestor of (or the) element it finds: a plain tag,
 * class or id compound followed only by descendant and child combinators. Null for anything else (sibling
 * combinators reach outside the ancestors; pseudo-classes and attributes are not worth the parse).
 */
function contextOf(css: string): string | null {
  const first = /^(?:[a-z][\w-]*)?(?:[.#][\w-]+)*(?=\s*[\s>]\s*[^\s>])/i.exec(css)?.[0];
  if (!first) return null;
  return /[+~,]/.test(css.replace(/\[[^\]]*\]|\([^)]*\)/g, '')) ? null : first;
}

/** Whether an element matching the context selector is under root, or is root or one of its ancestors. */
function contextPresent(root: ParentNode, context: string): boolean {
  return root.querySelector(context) !== null || (isElement(root) && root.closest(context) !== null);
}

// One query per css alternative rather than one query for the whole list: the browser answers a single
// selector from its ancestors' classes and ids (most alternatives match nothing at once), while a selector list
// is checked element by element against every alternative — five times slower on a 5,000-row inbox.
// An alternative whose context is absent (an open-thread selector on the inbox) is not queried at all: its
// query would check the ancestors of every element its last compound matches, for nothing.
function queryRules(root: ParentNode, rules: readonly Rule[]): Hits[] {
  const found: Hits[] = [];
  const present = new Map<string, boolean>();
  const mayMatch = (css: string) => {
    const context = contextOf(css);
    if (!context) return true;
    let there = present.get(context);
    if (there === undefined) present.set(context, (there = contextPresent(root, context)));
    return there;
  };
  rules.forEach((rule, index) => {
    for (const { css } of rule.spec.selectors) {
      if (!mayMatch(css)) continue;
      const elements = [...root.querySelectorAll(css)];
      if (isElement(root) && root.matches(css)) elements.unshift(root);
      if (elements.length) found.push({ rule: index, elements, at: 0 });
    }
  });
  return found;
}

const follows = (a: Element, b: Element) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;

/** Merges the lists into document order, each element once, owned by the first rule that matched it. */
function* inDocumentOrder(lists: Hits[]): Generator<{ el: Element; rule: number }> {
  if (lists.length === 1) {
    const [only] = lists as [Hits];
    for (const el of only.elements) yield { el, rule: only.rule };
    return;
  }
  for (;;) {
    let first: Hits | null = null;
    for (const list of lists) {
      const head = list.elements[list.at];
      if (!head) continue;
      const best = first?.elements[first.at];
      if (!best || (head !== best && follows(head, best)) || (head === best && list.rule < first!.rule)) first = list;
    }
    if (!first) return;
    const el = first.elements[first.at]!;
    yield { el, rule: first.rule };
    for (const list of lists) if (list.elements[list.at] === el) list.at++;
  }
}

/**
 * Every rule's elements in document order, each handled by the first rule it matches. When root lies inside a
 * scoped rule's element (the runner rescans a changed subtree), root is read.
 */
export function scanRules(root: ParentNode, rules: readonly Rule[]): CustomerMatch[] {
  const hit = new Set<Rule>();
  const matches: CustomerMatch[] = [];
  const lists = queryRules(root, rules);
  for (const { el, rule: index } of inDocumentOrder(lists)) {
    const rule = rules[index]!;
    hit.add(rule);
    for (const m of rule.find(el)) matches.push(m);
  }
  if (lists.length === 0 && isElement(root)) {
    const rule = rules.find((r) => r.scoped && root.parentElement?.closest(specCss(r.spec)));
    if (rule) {
      hit.add(rule);
      matches.push(...rule.find(root));
    }
  }
  for (const rule of rules) record(rule.spec, hit.has(rule));
  return matches;
}

const match = (anchor: Element, kind: IdentityKind, value: string, placement?: Placement): CustomerMatch =>
  placement ? { anchor, kind, value, placement } : { anchor, kind, value };

/** The identity is an attribute of the element (Gmail's `email`, Front's `data-account-name`). */
export function byAttribute(spec: SelectorSpec, kind: IdentityKind, attribute: string, placement?: Placement): Rule {
  return {
    spec,
    find: (el) => {
      const value = el.getAttribute(attribute)?.trim();
      return value ? [match(el, kind, value, placement)] : [];
    },
  };
}

/** The identity is the element's visible text (a company name); `ignore` drops screen-reader-only parts. */
export function byText(
  spec: SelectorSpec,
  kind: IdentityKind,
  options: { placement?: Placement; ignore?: string; when?: (el: Element) => boolean } = {},
): Rule {
  return {
    spec,
    find: (el) => {
      if (options.when && !options.when(el)) return [];
      const value = textOf(el, options.ignore);
      return value ? [match(el, kind, value, options.placement)] : [];
    },
  };
}

/** Email addresses inside a string the element carries ("Dana Wu <dana@…>", "From: …", a title). */
export function emailsFrom(spec: SelectorSpec, source: (el: Element) => string | null, placement?: Placement): Rule {
  return {
    spec,
    find: (el) => emailsIn(source(el) ?? '').map((email) => match(el, 'email', email, placement)),
  };
}

/** A `mailto:` link: the link is the anchor. */
export function byMailto(spec: SelectorSpec, placement?: Placement): Rule {
  return {
    spec,
    find: (el) => mailtoAddresses(el.getAttribute('href') ?? '').map((email) => match(el, 'email', email, placement)),
  };
}

/** An adapter whose scan is its rules. */
export function ruleAdapter(
  adapter: Omit<SiteAdapter, 'scan'>,
  rules: readonly Rule[],
): SiteAdapter {
  return { ...adapter, scan: (root) => scanRules(root, rules) };
}
