// The health pill next to a customer's name: score, tier colour, 7-day trend. Rendered in a closed shadow root so
// the host page can neither restyle it nor read the score out of it; every value is rendered as text.
import { render } from 'preact';
import type { AccountSummary } from '../lib/messaging';
import { badgeLabel } from './badge-label';
import { inkFor } from './color';

const STYLE = `
:host { all: initial; display: inline-block; vertical-align: middle; margin: 0 4px; line-height: 0; }
.pill { display: inline-flex; align-items: center; gap: 3px; height: 16px; padding: 0 6px; border-radius: 8px;
  font: 600 11px/16px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; white-space: nowrap;
  background: var(--tier); color: var(--ink); box-sizing: border-box; cursor: default; }
.pill.insufficient { background: transparent; color: #5f6368; border: 1px dashed #9aa0a6; }
.pill.overridden { box-shadow: inset 0 0 0 1.5px var(--ink); }
.trend { font-weight: 500; opacity: 0.9; }
`;

export function Badge({ summary }: { summary: AccountSummary }) {
  const { score, tier, trend, override } = summary;
  const known = score !== null && tier !== null;
  const background = tier?.color ?? '#9aa0a6';
  const label = badgeLabel(summary);
  const d7 = trend.d7;
  return (
    <span
      class={`pill${known ? '' : ' insufficient'}${override ? ' overridden' : ''}`}
      style={{ '--tier': background, '--ink': inkFor(background) }}
      role="img"
      aria-label={label}
      title={label}
      data-tier={tier?.key ?? 'none'}
    >
      <span class="score">{known ? score : '–'}</span>
      {d7 ? <span class="trend">{d7 < 0 ? `↓${-d7}` : `↑${d7}`}</span> : null}
    </span>
  );
}

const shadows = new WeakMap<HTMLElement, ShadowRoot>();

/** Renders (or re-renders) the badge into host's closed shadow root. */
export function mountBadge(host: HTMLElement, summary: AccountSummary): void {
  let shadow = shadows.get(host);
  if (!shadow) {
    shadow = host.attachShadow({ mode: 'closed' });
    shadows.set(host, shadow);
  }
  render(
    <>
      <style>{STYLE}</style>
      <Badge summary={summary} />
    </>,
    shadow,
  );
}
