// The words a badge says to screen readers and in its tooltip: "Health 42, At risk, down 12 in 7 days".
import { t } from '../lib/i18n';
import type { AccountSummary } from '../lib/messaging';

/** Day-to-day movement below this many points is noise, not a trend worth an arrow. */
export const TREND_MIN_POINTS = 3;

/** The 7-day change worth showing, or null. */
export function visibleTrend(d7: number | null): number | null {
  return d7 !== null && Math.abs(d7) >= TREND_MIN_POINTS ? d7 : null;
}

export function trendText(delta: number | null): string | null {
  const d7 = visibleTrend(delta);
  if (d7 === null) return null;
  return d7 < 0 ? t('badgeTrendDown', Math.abs(d7)) : t('badgeTrendUp', d7);
}

export function badgeLabel(s: AccountSummary): string {
  const parts = s.score === null || !s.tier ? [t('badgeInsufficient')] : [t('badgeHealth', s.score, s.tier.label)];
  const trend = trendText(s.trend.d7);
  if (trend) parts.push(trend);
  if (s.override) parts.push(t('badgeOverridden', s.override.author));
  if (s.demo) parts.push(t('badgeDemo'));
  return `${parts.join(', ')} — ${s.name}`;
}
