// The words a badge says to screen readers: "Health 42, At risk, down 12 in 7 days", and what its pill shows.
import { t } from '../lib/i18n';
import type { AccountSummary } from '../lib/messaging';
import { inkFor } from './color';

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

/** What a pill shows and says, as strings ready for the DOM. */
export interface PillLook {
  score: string;
  /** "↓12", "↑5", or empty when the 7-day change is noise. */
  trend: string;
  className: string;
  label: string;
  tier: string;
  /** Inline style: the tier colour and the text colour readable on it. */
  colors: string;
}

const looks = new WeakMap<AccountSummary, PillLook>();

/**
 * The look of an account's pill, worked out once per summary: the runner keeps one summary object per account
 * and a page's thousands of names belong to a few dozen accounts. A refresh brings new summaries, so new looks.
 */
export function pillLook(s: AccountSummary): PillLook {
  let look = looks.get(s);
  if (!look) {
    const known = s.score !== null && s.tier !== null;
    const color = s.tier?.color ?? '#9aa0a6'; // checked as #rrggbb by the config schema
    const d7 = visibleTrend(s.trend.d7);
    look = {
      score: known ? String(s.score) : '–',
      trend: d7 === null ? '' : d7 < 0 ? `↓${-d7}` : `↑${d7}`,
      className: `pill${known ? '' : ' insufficient'}${s.override ? ' overridden' : ''}`,
      label: badgeLabel(s),
      tier: s.tier?.key ?? 'none',
      colors: `--tier:${color};--ink:${inkFor(color)}`,
    };
    looks.set(s, look);
  }
  return look;
}
