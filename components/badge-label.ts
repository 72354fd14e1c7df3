// The words a badge says to screen readers and in its tooltip: "Health 42, At risk, down 12 in 7 days".
import { t } from '../lib/i18n';
import type { AccountSummary } from '../lib/messaging';

export function trendText(d7: number | null): string | null {
  if (d7 === null || d7 === 0) return null;
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
