import { expect, test } from 'vitest';
import { contrast, effectiveBackground, isLargeText, over, parseCssColor, requiredTextRatio } from '../../e2e/helpers/contrast';

const WHITE = [255, 255, 255] as const;
const BLACK = [0, 0, 0] as const;
const opaque = (text: string) => parseCssColor(text)!;

test('known WCAG pairs: black on white 21:1, #767676 just passes 4.5:1 and #777777 just fails', () => {
  expect(contrast(opaque('#000'), WHITE)).toBeCloseTo(21, 5);
  expect(contrast(opaque('#fff'), WHITE)).toBeCloseTo(1, 5);
  expect(contrast(opaque('#767676'), WHITE)).toBeCloseTo(4.54, 2);
  expect(contrast(opaque('#777777'), WHITE)).toBeLessThan(4.5);
  expect(contrast(opaque('#949494'), WHITE)).toBeCloseTo(3.03, 2);
  // Symmetric: which one is the text does not matter.
  expect(contrast(opaque('rgb(255, 255, 255)'), [118, 118, 118])).toBeCloseTo(4.54, 2);
});

test('computed colour syntaxes parse to the same colour', () => {
  const expected = { rgb: [11, 87, 208], alpha: 1 };
  expect(parseCssColor('rgb(11, 87, 208)')).toEqual(expected);
  expect(parseCssColor('rgb(11 87 208)')).toEqual(expected);
  expect(parseCssColor('#0b57d0')).toEqual(expected);
  expect(parseCssColor('rgba(11, 87, 208, 0.5)')).toEqual({ ...expected, alpha: 0.5 });
  expect(parseCssColor('rgb(11 87 208 / 50%)')).toEqual({ ...expected, alpha: 0.5 });
  expect(parseCssColor('color(srgb 1 0 0.5)')).toEqual({ rgb: [255, 0, 127.5], alpha: 1 });
  expect(parseCssColor('transparent')?.alpha).toBe(0);
  expect(parseCssColor('color(display-p3 1 0 0)')).toBeNull();
  expect(parseCssColor('oklch(0.5 0.1 200)')).toBeNull();
});

test('translucent text is composited over its background before measuring', () => {
  expect(over(opaque('rgba(0, 0, 0, 0.5)'), WHITE)).toEqual([127.5, 127.5, 127.5]);
  // Half-transparent black text on white is mid grey: about 4:1, not 21:1.
  expect(contrast(opaque('rgba(0, 0, 0, 0.5)'), WHITE)).toBeCloseTo(3.95, 1);
});

test('the background is composited from the innermost layer out to the first opaque one', () => {
  const layers = [
    { color: 'rgba(0, 0, 0, 0)', image: false },
    { color: 'rgba(0, 0, 0, 0.5)', image: false },
    { color: 'rgb(255, 255, 255)', image: false },
    { color: 'rgb(255, 0, 0)', image: false }, // hidden below the white
  ];
  expect(effectiveBackground(layers, BLACK)).toEqual({ rgb: [127.5, 127.5, 127.5] });
  // Nothing opaque: the page canvas shows through.
  expect(effectiveBackground([{ color: 'rgba(255, 255, 255, 0.5)', image: false }], BLACK)).toEqual({ rgb: [127.5, 127.5, 127.5] });
  expect(effectiveBackground([], WHITE)).toEqual({ rgb: WHITE });
});

test('an image or gradient behind the text makes the background unknown', () => {
  const result = effectiveBackground([{ color: 'rgba(0, 0, 0, 0)', image: true }, { color: 'rgb(255, 255, 255)', image: false }], WHITE);
  expect(result).toEqual({ unknown: 'a background image or gradient' });
  // Below an opaque colour an image no longer matters.
  expect(effectiveBackground([{ color: 'rgb(0, 0, 0)', image: false }, { color: 'transparent', image: true }], WHITE)).toEqual({ rgb: BLACK });
});

test('large text is 24 px, or 18.66 px bold, and needs 3:1 instead of 4.5:1', () => {
  expect(isLargeText(24, 400)).toBe(true);
  expect(isLargeText(23.9, 400)).toBe(false);
  expect(isLargeText(18.66, 700)).toBe(true);
  expect(isLargeText(18.66, 600)).toBe(false);
  expect(requiredTextRatio(14, 400)).toBe(4.5);
  expect(requiredTextRatio(20, 700)).toBe(3);
});
