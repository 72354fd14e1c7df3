// The health pill next to a customer's name: score, tier colour, 7-day trend. Hover or focus opens the account
// card; Esc closes it and focus returns to the pill. Rendered in a closed shadow root so the host page can neither
// restyle it nor read the score out of it; every value is rendered as text.
import { render } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { AccountSummary } from '../lib/messaging';
import { badgeLabel, visibleTrend } from './badge-label';
import { inkFor } from './color';
import { CARD_STYLE, CARD_THEME, ScoreCard } from './ScoreCard';

export type Theme = 'light' | 'dark';

// Few elements, no flex box: a page of thousands of badges spends most of its badge time in style and layout.
const STYLE = `
:host { all: initial; display: inline-block; vertical-align: middle; margin: 0 4px; line-height: 0; position: relative; }
.pill { all: unset; display: inline-block; height: 16px; padding: 0 6px; border-radius: 8px;
  font: 600 11px/16px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; white-space: nowrap;
  background: var(--tier); color: var(--ink); box-sizing: border-box; cursor: pointer; }
.pill:focus-visible { outline: 2px solid #0b57d0; outline-offset: 2px; }
.pill.insufficient { background: transparent; color: var(--muted); border: 1px dashed var(--muted); }
.pill.overridden { box-shadow: inset 0 0 0 1.5px var(--ink); }
.pill.overridden::before { content: "✎"; font-weight: 400; margin-right: 3px; }
.trend { font-weight: 500; opacity: 0.9; margin-left: 3px; }
.popover { position: fixed; z-index: 2147483647; line-height: normal; max-height: calc(100vh - 12px); overflow-y: auto; border-radius: 10px; }
${CARD_STYLE}
`;

const OPEN_DELAY = 150;
const CLOSE_DELAY = 250;
const GAP = 6;

export interface BadgeProps {
  summary: AccountSummary;
  theme: Theme;
  /** Opens the account in the options page; without it the card shows no link. */
  onOpenAccount?: (accountId: string) => void;
}

export function Badge({ summary, theme, onOpenAccount }: BadgeProps) {
  const { score, tier, trend, override } = summary;
  const [open, setOpen] = useState(false);
  const [position, setPosition] = useState<{ left: number; top: number } | null>(null);
  const pill = useRef<HTMLButtonElement>(null);
  const popover = useRef<HTMLDivElement>(null);
  const timer = useRef(0);
  const known = score !== null && tier !== null;
  const background = tier?.color ?? '#9aa0a6';
  const label = badgeLabel(summary);
  const d7 = visibleTrend(trend.d7);

  const later = (fn: () => void, ms: number) => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(fn, ms);
  };
  const close = (refocus: boolean) => {
    window.clearTimeout(timer.current);
    setOpen(false);
    setPosition(null);
    if (refocus) pill.current?.focus();
  };

  // Place the card below the pill, or above when there is no room; never past the viewport's edges.
  useLayoutEffect(() => {
    if (!open || !pill.current || !popover.current) return;
    const anchor = pill.current.getBoundingClientRect();
    const card = popover.current.getBoundingClientRect();
    const below = anchor.bottom + GAP;
    const fits = below + card.height <= window.innerHeight - GAP;
    const top = Math.max(GAP, Math.min(fits ? below : anchor.top - GAP - card.height, window.innerHeight - GAP - card.height));
    const left = Math.min(Math.max(GAP, anchor.left), Math.max(GAP, window.innerWidth - card.width - GAP));
    setPosition({ left, top });
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close(true);
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [open]);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  // The pill and its card are siblings in the shadow root (no wrapper element per badge): both keep the card open.
  const inside = (node: Node | null) => !!node && (!!pill.current?.contains(node) || !!popover.current?.contains(node));
  const hover = {
    onMouseEnter: () => later(() => setOpen(true), OPEN_DELAY),
    onMouseLeave: () => later(() => close(false), CLOSE_DELAY),
    onFocusIn: () => {
      window.clearTimeout(timer.current);
      setOpen(true);
    },
    onFocusOut: (e: FocusEvent) => {
      if (!inside(e.relatedTarget as Node | null)) later(() => close(false), CLOSE_DELAY);
    },
  };
  const colors = { '--tier': background, '--ink': inkFor(background), '--muted': theme === 'dark' ? '#a8abb2' : '#5f6368' };

  return (
    <>
      <button
        ref={pill}
        type="button"
        class={`pill${known ? '' : ' insufficient'}${override ? ' overridden' : ''}`}
        style={colors}
        aria-label={label}
        aria-expanded={open}
        aria-haspopup="dialog"
        data-tier={tier?.key ?? 'none'}
        onClick={() => setOpen(!open)}
        {...hover}
      >
        {known ? score : '–'}
        {d7 ? <span class="trend">{d7 < 0 ? `↓${-d7}` : `↑${d7}`}</span> : null}
      </button>
      {open ? (
        <div
          ref={popover}
          class="popover"
          role="dialog"
          aria-label={summary.name}
          style={{ ...colors, ...CARD_THEME[theme], ...(position ? { left: `${position.left}px`, top: `${position.top}px` } : { left: '0px', top: '0px', visibility: 'hidden' }) }}
          {...hover}
        >
          <ScoreCard summary={summary} onOpenAccount={onOpenAccount && (() => onOpenAccount(summary.accountId))} />
        </div>
      ) : null}
    </>
  );
}

// Badge host → its closed shadow root (where Preact renders) and whether the shared sheet is adopted there.
const mounts = new WeakMap<HTMLElement, { shadow: ShadowRoot; adopted: boolean }>();

// One stylesheet object shared by every badge's shadow root: parsing the CSS once instead of once per badge is
// what keeps a page with thousands of badges fast. Firefox content scripts cannot adopt sheets into the page's
// shadow roots (their X-ray wrappers refuse the array), so there each badge gets its own <style>.
let shared: CSSStyleSheet | null | undefined;

function adoptStyle(shadow: ShadowRoot): boolean {
  if (shared === undefined) {
    try {
      shared = new CSSStyleSheet();
      shared.replaceSync(STYLE);
    } catch {
      shared = null;
    }
  }
  if (!shared) return false;
  try {
    shadow.adoptedStyleSheets = [shared];
    return shadow.adoptedStyleSheets.length === 1;
  } catch {
    shared = null;
    return false;
  }
}

/** Renders (or re-renders) the badge into host's closed shadow root. */
export function mountBadge(host: HTMLElement, props: BadgeProps): void {
  let mount = mounts.get(host);
  if (!mount) {
    const shadow = host.attachShadow({ mode: 'closed' });
    mount = { shadow, adopted: adoptStyle(shadow) };
    mounts.set(host, mount);
  }
  // Preact owns every child of the root, so a badge without the shared sheet renders its own <style>.
  render(
    <>
      {mount.adopted ? null : <style>{STYLE}</style>}
      <Badge {...props} />
    </>,
    mount.shadow,
  );
}
