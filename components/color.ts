// Picks readable text for a tier colour (WCAG relative luminance), so any colour an admin configures stays legible.
// The WCAG formulas here are also what the accessibility audit (test/e2e/helpers/contrast.ts) measures with.

/** An sRGB colour as 0–255 channels. */
export type Rgb = readonly [number, number, number];

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2 relative luminance of an sRGB colour, 0 (black) to 1 (white). */
export function relativeLuminance([r, g, b]: Rgb): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function parseHex(color: string): Rgb | null {
  const m = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(color.trim());
  if (!m) return null;
  const hex = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as unknown as Rgb;
}

export function luminance(color: string): number | null {
  const rgb = parseHex(color);
  return rgb ? relativeLuminance(rgb) : null;
}

/** WCAG contrast ratio of two relative luminances, 1 to 21. */
export const contrastRatio = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

/**
 * White when it reaches AA for small text (4.5:1; tier colours are mostly saturated, and white on them reads
 * best), else black. One of the two always reaches 4.58:1; a softer near-black left mid greens such as #1e8e3e
 * at about 4.2:1 either way.
 */
export function inkFor(background: string): string {
  const l = luminance(background);
  if (l === null) return '#ffffff';
  return contrastRatio(l, 1) >= 4.5 ? '#ffffff' : '#000000';
}
