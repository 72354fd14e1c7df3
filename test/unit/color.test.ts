import { expect, test } from 'vitest';
import { contrastRatio, inkFor, luminance } from '../../components/color';

test('luminance follows WCAG for black, white and short hex', () => {
  expect(luminance('#000000')).toBe(0);
  expect(luminance('#fff')).toBeCloseTo(1, 6);
  expect(luminance('red')).toBeNull();
});

test('ink is white where it reaches 4.5:1 and black elsewhere', () => {
  expect(inkFor('#c5221f')).toBe('#ffffff');
  expect(inkFor('#1e6b3a')).toBe('#ffffff');
  expect(inkFor('#f9ab00')).toBe('#000000');
  expect(inkFor('#1a73e8')).toBe('#ffffff'); // 4.51:1 — black would contrast a little more, white is enough
  expect(inkFor('#1e8e3e')).toBe('#000000'); // white only 4.21:1
  expect(inkFor('not a colour')).toBe('#ffffff');
});

test('the ink reaches AA (4.5:1) on every grey and on mid greens and reds', () => {
  const ratio = (a: string, b: string) => contrastRatio(luminance(a)!, luminance(b)!);
  for (const colour of ['#1e8e3e', '#d93025', '#1a73e8', '#f9ab00', '#9aa0a6', '#767676', '#777777', '#808080']) {
    expect(ratio(inkFor(colour), colour), colour).toBeGreaterThanOrEqual(4.5);
  }
  for (let v = 0; v < 256; v += 5) {
    const grey = `#${v.toString(16).padStart(2, '0').repeat(3)}`;
    expect(ratio(inkFor(grey), grey), grey).toBeGreaterThanOrEqual(4.5);
  }
});
