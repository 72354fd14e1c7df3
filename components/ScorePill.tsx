// A score in its tier colour, with text colour picked for contrast; '–' when there is no score.
import type { TierRef } from '../lib/scoring/types';
import { inkFor } from './color';

export function ScorePill({ score, tier }: { score: number | null; tier: TierRef | null }) {
  const color = tier?.color ?? '#9aa0a6';
  return <span class="pill" style={{ background: color, color: inkFor(color) }}>{score ?? '–'}</span>;
}
