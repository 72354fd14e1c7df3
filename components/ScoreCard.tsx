// The account card: score, tier, trend, why (drivers both ways, the next step up), flags, suggested actions,
// override and data freshness. The same component shows in the page (opened from a badge) and in the options
// page's account view.
import type { AccountSummary } from '../lib/messaging';
import { DAY_MS } from '../lib/dates';
import { t } from '../lib/i18n';
import { trendText } from './badge-label';
import { driverText, nextStepText } from './explain-text';
import { inkFor } from './color';

export const CARD_STYLE = `
.card { width: 320px; max-width: calc(100vw - 16px); box-sizing: border-box; padding: 12px 14px; border-radius: 10px;
  background: var(--card-bg); color: var(--card-fg); border: 1px solid var(--card-line);
  box-shadow: 0 6px 24px rgba(0,0,0,.18); font: 400 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  text-align: left; white-space: normal; }
.card h2 { font-size: 15px; margin: 0 0 6px; font-weight: 650; overflow-wrap: anywhere; }
.card h3 { font-size: 11px; text-transform: uppercase; letter-spacing: .05em; color: var(--card-muted); margin: 10px 0 4px; font-weight: 600; }
.card ul { margin: 0; padding-left: 18px; }
.card li { margin: 2px 0; overflow-wrap: anywhere; }
.card .headline { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
.card .score { font-size: 22px; font-weight: 700; padding: 0 8px; border-radius: 6px; background: var(--tier); color: var(--ink); }
.card .meta { color: var(--card-muted); font-size: 12px; }
.card .up::marker { content: "▲ "; color: #1e8e3e; }
.card .down::marker { content: "▼ "; color: #d93025; }
.card .flag { display: inline-block; margin: 0 4px 4px 0; padding: 1px 7px; border-radius: 9px; background: var(--card-line); font-size: 12px; }
.card .override { border-left: 3px solid var(--tier); padding-left: 8px; }
.card .demo { display: inline-block; font-size: 11px; font-weight: 600; padding: 1px 6px; border-radius: 8px; background: var(--card-demo-bg); color: var(--card-demo-fg); }
.card a { color: var(--card-link); }
.card button.link { all: unset; color: var(--card-link); cursor: pointer; text-decoration: underline; }
.card button.link:focus-visible, .card a:focus-visible { outline: 2px solid var(--card-link); outline-offset: 2px; }
`;

export const CARD_THEME = {
  light: { '--card-bg': '#ffffff', '--card-fg': '#1b1b1f', '--card-muted': '#5f6368', '--card-line': '#e3e3e8', '--card-link': '#0b57d0', '--card-demo-bg': '#fff4d6', '--card-demo-fg': '#6b4e00' },
  dark: { '--card-bg': '#232428', '--card-fg': '#e8e8ec', '--card-muted': '#a8abb2', '--card-line': '#3a3b40', '--card-link': '#8ab4f8', '--card-demo-bg': '#4a3b12', '--card-demo-fg': '#ffe49c' },
};

function freshness(dataAsOf: string | null, now: Date): string {
  if (!dataAsOf) return t('cardNoData');
  const days = Math.max(0, Math.round((now.getTime() - Date.parse(dataAsOf)) / DAY_MS));
  return days === 0 ? t('cardDataToday') : days === 1 ? t('cardDataDayOld') : t('cardDataDaysOld', days);
}

export interface ScoreCardProps {
  summary: AccountSummary;
  /** Opens the account in the options page; absent where the card already is the account view. */
  onOpenAccount?: () => void;
  /** False where the page around the card already names the account and shows its override (the account view). */
  full?: boolean;
  now?: Date;
}

export function ScoreCard({ summary: s, onOpenAccount, full = true, now = new Date() }: ScoreCardProps) {
  const color = s.tier?.color ?? '#9aa0a6';
  const trend = trendText(s.trend.d7);
  return (
    <section class="card" style={{ '--tier': color, '--ink': inkFor(color) }} aria-label={t('cardTitle', s.name)}>
      {full ? <h2>{s.name}</h2> : null}
      <div class="headline">
        <span class="score">{s.score ?? '–'}</span>
        <strong>{s.tier?.label ?? t('badgeInsufficient')}</strong>
        {trend ? <span class="meta">{trend}</span> : null}
        {s.demo ? <span class="demo">{t('badgeDemo')}</span> : null}
      </div>
      <p class="meta">
        {t('cardCoverage', Math.round(s.coverage * 100))} · {t('cardScorecard', s.scorecard)} · {freshness(s.dataAsOf, now)}
      </p>
      {s.override && full ? (
        <p class="override">{t('cardOverride', s.override.author, s.override.reason, new Date(s.override.expiresAt).toLocaleDateString())}</p>
      ) : null}
      {s.driversUp.length || s.driversDown.length ? (
        <>
          <h3>{t('cardWhy')}</h3>
          <ul>
            {s.driversUp.map((d) => <li class="up" key={`u${d.label}`}>{driverText(d)}</li>)}
            {s.driversDown.map((d) => <li class="down" key={`d${d.label}`}>{driverText(d)}</li>)}
          </ul>
        </>
      ) : null}
      {s.nextStep ? (
        <>
          <h3>{t('cardNextStep')}</h3>
          <p>{nextStepText(s.nextStep)}</p>
        </>
      ) : null}
      {s.flags.length ? (
        <div>
          <h3>{t('cardFlags')}</h3>
          {s.flags.map((f) => <span class="flag" key={f}>{f}</span>)}
        </div>
      ) : null}
      {s.actions.length ? (
        <>
          <h3>{t('cardActions')}</h3>
          <ul>
            {s.actions.map((a) => (
              <li key={a.title}>
                {a.link ? <a href={a.link} target="_blank" rel="noopener noreferrer">{a.title}</a> : a.title}
                {a.detail ? <span class="meta"> — {a.detail}</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {onOpenAccount ? (
        <p>
          <button type="button" class="link" onClick={onOpenAccount}>{t('cardOpenAccount')}</button>
        </p>
      ) : null}
    </section>
  );
}
