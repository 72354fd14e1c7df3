import { describe, expect, test } from 'vitest';
import { createPace, GROW_BELOW_MS, MAX_FRAMES, SHRINK_ABOVE_MS } from '../../../lib/page/pace';

/** Feeds the pace frames that render in base + perBadge × n and returns the sizes it chose while `waiting` wait. */
function run(base: number, perBadge: number, waiting = 5000, frames = 30) {
  const pace = createPace();
  const sizes: number[] = [];
  for (let i = 0; i < frames && waiting > 0; i++) {
    const n = Math.min(waiting, pace.size(waiting));
    sizes.push(n);
    waiting -= n;
    pace.measured(base + perBadge * n);
  }
  return { sizes, left: waiting };
}

describe('pace of badge chunks', () => {
  test('grows while frames stay cheap', () => {
    const { sizes } = run(2, 0.005, 100_000);
    expect(sizes.at(-1)).toBe(2000);
  });

  test('settles where a frame renders under the long-task line', () => {
    const { sizes } = run(25, 0.07, 100_000);
    const settled = sizes.slice(-10);
    for (const n of settled) expect(25 + 0.07 * n).toBeLessThanOrEqual(SHRINK_ABOVE_MS * 1.5);
    expect(Math.max(...settled)).toBeGreaterThan((GROW_BELOW_MS - 25) / 0.07 / 2);
  });

  test('where every frame is long whatever the size, all badges land within MAX_FRAMES more frames', () => {
    const { sizes, left } = run(120, 0.07, 4000, 2 + MAX_FRAMES + 1);
    expect(left).toBe(0);
    expect(Math.max(...sizes)).toBeGreaterThanOrEqual(4000 / MAX_FRAMES);
  });
});
