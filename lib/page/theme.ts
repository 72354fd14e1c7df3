// Whether the host page is dark or light where badges go, so the card matches it. Read from the page's own
// background before the first badge goes in (reading styles after a DOM write would force a style pass), and
// again when the page may have switched: the system's scheme, or a theme attribute on <html> or <body>.
import { luminance } from '../../components/color';

export type Theme = 'light' | 'dark';

function background(el: Element | null): string | null {
  if (!el) return null;
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)/.exec(getComputedStyle(el).backgroundColor);
  if (!m || m[4] === '0') return null;
  return '#' + [m[1], m[2], m[3]].map((c) => Number(c).toString(16).padStart(2, '0')).join('');
}

export function pageTheme(doc: Document): Theme {
  const color = background(doc.body) ?? background(doc.documentElement);
  if (!color) return doc.defaultView?.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  return (luminance(color) ?? 1) < 0.25 ? 'dark' : 'light';
}

// How apps switch themes: a class, an inline style or a theme attribute on the root or the body.
const THEME_ATTRIBUTES = ['class', 'style', 'data-theme', 'data-color-mode', 'data-color-scheme', 'theme', 'dark'];

/** Calls back with the page's new theme when it changes, reading it at most once a frame; stops on abort. */
export function watchTheme(doc: Document, current: Theme, onChange: (theme: Theme) => void, signal: AbortSignal): void {
  const win = doc.defaultView!;
  let queued = false;
  const check = () => {
    if (queued || signal.aborted) return;
    queued = true;
    win.requestAnimationFrame(() => {
      queued = false;
      const next = pageTheme(doc);
      if (next === current || signal.aborted) return;
      current = next;
      onChange(next);
    });
  };
  const observer = new MutationObserver(check);
  for (const el of [doc.documentElement, doc.body]) if (el) observer.observe(el, { attributes: true, attributeFilter: THEME_ATTRIBUTES });
  win.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', check, { signal });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
