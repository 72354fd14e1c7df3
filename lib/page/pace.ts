// How many badges one frame can take. Inserting badges costs their own style and layout plus a relayout of what
// holds them (a 5,000-row table relayouts, prepaints and paints in 60–200 ms whoever touches it, and about as
// long for one badge as for hundreds), and frame times are noisy on a busy machine. So the size follows the
// frames: it grows while they render in under GROW_BELOW_MS, halves when one takes over SHRINK_ABOVE_MS, and
// holds in between. Where even the fastest recent frame is over (the page's own relayout is the long task, and
// smaller chunks would only make more of them), each chunk takes at least a MAX_FRAMES-th of the badges
// waiting, so they all land within that many frames (of at most `max` badges each).

export const GROW_BELOW_MS = 36;
export const SHRINK_ABOVE_MS = 45;
export const MAX_FRAMES = 2;

export interface Pace {
  /** Badges to place in the next chunk, with `waiting` badges still to place. */
  size(waiting: number): number;
  /** The frame that showed the last chunk took renderMs to render. */
  measured(renderMs: number): void;
}

const RECENT = 2;

export function createPace(start = 32, min = 8, max = 2000): Pace {
  let size = start;
  let peak = 0; // most badges waiting since the lane was last empty
  const recent: number[] = [];
  return {
    size(waiting) {
      peak = waiting ? Math.max(peak, waiting) : 0;
      const alwaysLong = recent.length === RECENT && Math.min(...recent) > SHRINK_ABOVE_MS;
      return Math.min(max, Math.max(size, alwaysLong ? Math.ceil(peak / MAX_FRAMES) : 0));
    },
    measured(renderMs) {
      recent.push(renderMs);
      if (recent.length > RECENT) recent.shift();
      if (renderMs > SHRINK_ABOVE_MS) size = Math.max(min, Math.floor(size / 2));
      else if (renderMs < GROW_BELOW_MS) size = Math.min(max, Math.ceil(size * 1.5));
    },
  };
}
