import { expect, test } from 'vitest';
import { inkFor, luminance } from '../../components/color';

test('luminance follows WCAG for black, white and short hex', () => {
  expect(luminance('#000000')).toBe(0);
  expect(luminance('#fff')).toBeCloseTo(1, 6);
  expect(luminance('red')).toBeNull();
});

test('ink is white on dark tier colours and near-black on light ones', () => {
  expect(inkFor('#c5221f')).toBe('#ffffff');
  expect(inkFor('#1e6b3a')).toBe('#ffffff');
  expect(inkFor('#f9ab00')).toBe('#1b1b1f');
  expect(inkFor('not a colour')).toBe('#ffffff');
});
