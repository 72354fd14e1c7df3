// A stacked bar of how accounts spread over tiers, with a legend that says the counts in words.
import type { TierCount } from '../lib/messaging';
import { inkFor } from './color';

export function TierBar({ tiers, insufficient, insufficientLabel }: { tiers: TierCount[]; insufficient: number; insufficientLabel: string }) {
  const total = tiers.reduce((n, t) => n + t.count, 0) + insufficient;
  const segments = [...tiers, ...(insufficient ? [{ key: 'insufficient', label: insufficientLabel, color: '#9aa0a6', count: insufficient }] : [])];
  return (
    <figure class="tierbar">
      <div class="tierbar-bar" aria-hidden="true">
        {segments.map((t) =>
          t.count ? <span key={t.key} style={{ flexGrow: t.count, background: t.color, color: inkFor(t.color) }}>{t.count}</span> : null,
        )}
        {total === 0 ? <span class="tierbar-empty" /> : null}
      </div>
      <ul class="tierbar-legend">
        {segments.map((t) => (
          <li key={t.key} data-tier={t.key}>
            <i style={{ background: t.color }} />
            <span class="tierbar-label">{t.label}</span>
            <b>{t.count}</b>
          </li>
        ))}
      </ul>
    </figure>
  );
}
