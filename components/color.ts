// Picks readable text for a tier colour (WCAG relative luminance), so any colour an admin configures stays legible.

function channel(hex: string): number {
  const c = parseInt(hex, 16) / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function luminance(color: string): number | null {
  const m = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(color.trim());
  if (!m) return null;
  const hex = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return 0.2126 * channel(hex.slice(0, 2)) + 0.7152 * channel(hex.slice(2, 4)) + 0.0722 * channel(hex.slice(4, 6));
}

const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

/** Near-black or white, whichever contrasts more with the background colour. */
export function inkFor(background: string): string {
  const l = luminance(background);
  if (l === null) return '#ffffff';
  return contrast(l, 1) >= contrast(l, luminance('#1b1b1f')!) ? '#ffffff' : '#1b1b1f';
}
