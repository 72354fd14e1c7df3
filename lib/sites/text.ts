// Reading identities out of page text: bounded, linear in the input, never parses HTML.

/** Text longer than this is not scanned past this point (a pasted log must not stall the page). */
export const TEXT_SCAN_CAP = 20_000;
/** At most this many `@` signs are examined in one string. */
const MAX_AT_SIGNS = 200;
/** A displayed name longer than this is a paragraph, not a name. */
const MAX_NAME_LENGTH = 160;

// Bounded quantifiers keep each match attempt short; the search only runs in a window around an `@`.
const EMAIL_IN_TEXT = /[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,24}/g;
const EMAIL_EXACT = /^[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,24}$/;

/** The email addresses in text, in order, at most `limit`. Only the first TEXT_SCAN_CAP characters count. */
export function emailsIn(text: string, limit = 20): string[] {
  const end = Math.min(text.length, TEXT_SCAN_CAP);
  const found: string[] = [];
  let from = 0;
  for (let signs = 0; signs < MAX_AT_SIGNS && found.length < limit; signs++) {
    const at = text.indexOf('@', from);
    if (at < 0 || at >= end) break;
    const start = Math.max(0, at - 64);
    const window = text.slice(start, Math.min(end, at + 256));
    from = at + 1;
    EMAIL_IN_TEXT.lastIndex = 0;
    for (let m = EMAIL_IN_TEXT.exec(window); m; m = EMAIL_IN_TEXT.exec(window)) {
      const matchStart = start + m.index;
      if (matchStart > at) break;
      if (matchStart + m[0].length > at) {
        found.push(m[0]);
        from = matchStart + m[0].length;
        break;
      }
    }
  }
  return found;
}

/** The addresses of a `mailto:` href (several when comma-separated); the `?subject=…` part is dropped. */
export function mailtoAddresses(href: string): string[] {
  if (!/^mailto:/i.test(href)) return [];
  const query = href.indexOf('?');
  const list = href.slice(7, query < 0 ? undefined : query);
  let decoded: string;
  try {
    decoded = decodeURIComponent(list);
  } catch {
    return [];
  }
  return decoded
    .split(',')
    .map((s) => s.trim())
    .filter((s) => EMAIL_EXACT.test(s));
}

const OWN_BADGE = 'healthmark-badge';

/**
 * The text an element shows, whitespace collapsed, including its open shadow root (Lightning base components
 * render their text there). Descendants matching `ignore` (screen-reader-only text) and our badges are left out.
 * Null when empty or too long to be a name.
 */
export function textOf(el: Element, ignore?: string): string | null {
  const parts: string[] = [];
  let length = 0;
  const visit = (node: Node): void => {
    for (let child = node.firstChild; child && length <= MAX_NAME_LENGTH; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const data = (child as Text).data;
        parts.push(data);
        length += data.length;
      } else if (child.nodeType === 1) {
        const element = child as Element;
        if (element.localName === OWN_BADGE || (ignore && element.matches(ignore))) continue;
        if (element.shadowRoot) visit(element.shadowRoot);
        visit(element);
      }
    }
  };
  if (el.shadowRoot) visit(el.shadowRoot);
  visit(el);
  const text = parts.join('').replace(/\s+/g, ' ').trim();
  return text && text.length <= MAX_NAME_LENGTH ? text : null;
}
