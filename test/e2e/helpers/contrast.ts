// WCAG 2 contrast as the accessibility audit (test/e2e/chromium/a11y.spec.ts) measures it: computed CSS colours
// parsed, translucent layers composited onto what lies below, and the ratio each kind of content needs.
// Pure, so it is unit-tested against known WCAG pairs; the spec only collects computed styles from the page.
import { type Rgb, contrastRatio, parseHex, relativeLuminance } from '../../../components/color';

export interface Rgba {
  rgb: Rgb;
  alpha: number;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Parses what getComputedStyle returns for colours: rgb()/rgba() (comma or space syntax), color(srgb …), hex, transparent. */
export function parseCssColor(text: string): Rgba | null {
  const value = text.trim().toLowerCase();
  if (value === 'transparent') return { rgb: [0, 0, 0], alpha: 0 };
  const hex = parseHex(value);
  if (hex) return { rgb: hex, alpha: 1 };
  const fn = /^(rgba?|color)\((.*)\)$/.exec(value);
  if (!fn) return null;
  let args = fn[2]!.replace(/[,/]/g, ' ').split(/\s+/).filter(Boolean);
  let scale = 1;
  if (fn[1] === 'color') {
    if (args[0] !== 'srgb') return null;
    args = args.slice(1);
    scale = 255;
  }
  const numbers = args.map((a) => (a.endsWith('%') ? (Number(a.slice(0, -1)) / 100) * (fn[1] === 'color' ? 1 : 255) : Number(a)));
  if (numbers.length < 3 || numbers.length > 4 || numbers.some((n) => !Number.isFinite(n))) return null;
  const [r, g, b] = numbers.map((n) => clamp(n * scale, 0, 255));
  const alphaArg = args[3];
  const alpha = alphaArg === undefined ? 1 : alphaArg.endsWith('%') ? Number(alphaArg.slice(0, -1)) / 100 : Number(alphaArg);
  return { rgb: [r!, g!, b!], alpha: clamp(alpha, 0, 1) };
}

/** `top` painted over an opaque `bottom` (source-over). */
export function over(top: Rgba, bottom: Rgb): Rgb {
  return [0, 1, 2].map((i) => top.rgb[i]! * top.alpha + bottom[i]! * (1 - top.alpha)) as unknown as Rgb;
}

/** One element's own background, from the text's element outwards. */
export interface BackgroundLayer {
  color: string;
  /** A background image or gradient: its colours are unknown here. */
  image: boolean;
}

export type Background = { rgb: Rgb } | { unknown: string };

/**
 * The colour behind an element: its own and its ancestors' background colours (innermost first) composited onto
 * the page canvas, down to the first opaque one. An image or gradient on the way makes it unknown.
 */
export function effectiveBackground(layers: BackgroundLayer[], canvas: Rgb): Background {
  const below: Rgba[] = [];
  for (const layer of layers) {
    if (layer.image) return { unknown: 'a background image or gradient' };
    const color = parseCssColor(layer.color);
    if (!color) return { unknown: `unparsed background colour ${layer.color}` };
    if (color.alpha > 0) below.push(color);
    if (color.alpha >= 1) break;
  }
  return { rgb: below.reduceRight<Rgb>((under, layer) => over(layer, under), canvas) };
}

/** The contrast of a (possibly translucent) foreground over an opaque background. */
export function contrast(foreground: Rgba, background: Rgb): number {
  return contrastRatio(relativeLuminance(over(foreground, background)), relativeLuminance(background));
}

/** WCAG large text: at least 18 pt (24 px), or 14 pt (18.66 px) bold. */
export const isLargeText = (fontSizePx: number, fontWeight: number) => fontSizePx >= 24 || (fontSizePx >= 18.66 && fontWeight >= 700);

/** AA minimum for text (1.4.3): 3:1 for large text, 4.5:1 otherwise. Non-text (1.4.11) needs 3:1. */
export const requiredTextRatio = (fontSizePx: number, fontWeight: number) => (isLargeText(fontSizePx, fontWeight) ? 3 : 4.5);
export const NON_TEXT_RATIO = 3;
