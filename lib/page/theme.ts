// Whether the host page is dark or light where badges go, so the card matches it. Read from the page's own
// background, once per batch of badges (reading styles between DOM writes would force a layout per badge).
import { luminance } from '../../components/color';

function background(el: Element | null): string | null {
  if (!el) return null;
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)/.exec(getComputedStyle(el).backgroundColor);
  if (!m || m[4] === '0') return null;
  return '#' + [m[1], m[2], m[3]].map((c) => Number(c).toString(16).padStart(2, '0')).join('');
}

export function pageTheme(doc: Document): 'light' | 'dark' {
  const color = background(doc.body) ?? background(doc.documentElement);
  if (!color) return doc.defaultView?.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  return (luminance(color) ?? 1) < 0.25 ? 'dark' : 'light';
}
