// The health pill next to a customer's name: score, tier colour, 7-day trend. Hover or focus opens the account
// card; Esc closes it, and focus returns to the pill when it was in the badge. Rendered in a closed shadow root so
// the host page can neither restyle it nor read the score out of it; every value is rendered as text.
// A page can hold thousands of pills, so a pill is plain DOM cloned from a template, its words and colours are
// worked out once per account, and it listens through a few listeners shared by all. Preact renders only the
// card, while it is open, in the top layer (a popover): no transform, overflow or stacking context of the page
// can clip it or shift what "fixed" means for it.
import { render } from 'preact';
import type { AccountSummary } from '../lib/messaging';
import type { Theme } from '../lib/page/theme';
import { pillLook } from './badge-label';
import { CARD_STYLE, CARD_THEME, ScoreCard } from './ScoreCard';

// Few elements, no flex box: a page of thousands of badges spends most of its badge time in style and layout.
const STYLE = `
:host { all: initial; display: inline-block; vertical-align: middle; margin: 0 4px; line-height: 0; }
.pill { all: unset; display: inline-block; height: 16px; padding: 0 6px; border-radius: 8px;
  font: 600 11px/16px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; white-space: nowrap;
  background: var(--tier); color: var(--ink); box-sizing: border-box; cursor: pointer; }
.pill:focus-visible { outline: 2px solid #0b57d0; outline-offset: 2px; }
.pill.insufficient { background: transparent; color: var(--muted); border: 1px dashed var(--muted); }
.pill.overridden { box-shadow: inset 0 0 0 1.5px var(--ink); }
.pill.overridden::before { content: "✎"; font-weight: 400; margin-right: 3px; }
.trend { font-weight: 500; opacity: 0.9; margin-left: 3px; }
.trend:empty { display: none; }
.popover { position: fixed; inset: auto; margin: 0; padding: 0; border: 0; background: transparent; color: inherit;
  overflow: visible auto; z-index: 2147483647; line-height: normal; max-height: calc(100vh - 12px); border-radius: 10px; }
${CARD_STYLE}
`;

const vars = (values: Record<string, string>) => Object.entries(values).map(([k, v]) => `${k}:${v}`).join(';');
const themeCss = (theme: Theme) => `:host{${vars({ ...CARD_THEME[theme], '--muted': theme === 'dark' ? '#a8abb2' : '#5f6368' })}}`;

const OPEN_DELAY = 150;
const CLOSE_DELAY = 250;
const GAP = 6;
/** A card squeezed below this scrolls past the pill rather than shrink further. */
const MIN_CARD_HEIGHT = 160;

export interface BadgeLayerOptions {
  theme: Theme;
  /** Opens the account in the options page; without it the card shows no link. */
  onOpenAccount?: (accountId: string) => void;
}

export interface BadgeLayer {
  /** Renders (or re-renders) the badge for an account into host's closed shadow root. */
  render(host: HTMLElement, summary: AccountSummary): void;
  /** The host page turned dark or light: every badge follows at once. */
  setTheme(theme: Theme): void;
  /** Closes the open card and stops listening; the hosts themselves belong to the runner. */
  destroy(): void;
}

interface Mounted {
  shadow: ShadowRoot;
  pill: HTMLButtonElement;
  score: Text;
  trend: HTMLElement;
  summary: AccountSummary;
  /** Where the theme is when the shadow root cannot share stylesheets (Firefox content scripts). */
  themeStyle: HTMLStyleElement | null;
}

interface OpenCard {
  host: HTMLElement;
  badge: Mounted;
  popover: HTMLElement;
  stop: AbortController;
}

export function createBadgeLayer(doc: Document, options: BadgeLayerOptions): BadgeLayer {
  const win = doc.defaultView!;
  const mounted = new WeakMap<HTMLElement, Mounted>();
  const listening = new AbortController();
  let sheets = sharedSheets(options.theme);
  let theme = options.theme;
  let themeText = themeCss(theme);
  const ownStyles = new Set<HTMLStyleElement>(); // theme styles of badges without shared sheets
  let pruneAt = 512;
  /** Keeps the style for theme switches; those of badges gone from the page are dropped now and then. */
  const remember = (style: HTMLStyleElement) => {
    ownStyles.add(style);
    if (ownStyles.size < pruneAt) return;
    for (const s of ownStyles) if (!s.isConnected) ownStyles.delete(s); // render() re-themes a badge that comes back
    pruneAt = Math.max(512, ownStyles.size * 2);
  };
  const template = doc.createElement('template');
  template.innerHTML = '<button type="button" class="pill" aria-haspopup="dialog" aria-expanded="false"> <span class="trend"></span></button>';
  let open: OpenCard | null = null;
  let timer = 0;
  let pressed: HTMLElement | null = null; // the badge a mouse button went down on: its click, not its focus, opens it

  function mount(host: HTMLElement, summary: AccountSummary): Mounted {
    const shadow = host.attachShadow({ mode: 'closed' });
    let themeStyle: HTMLStyleElement | null = null;
    if (!sheets || !adopt(shadow, sheets)) {
      sheets = null; // refused once, refused always: stop trying
      const style = doc.createElement('style');
      style.textContent = STYLE;
      themeStyle = doc.createElement('style');
      themeStyle.textContent = themeText;
      shadow.append(style, themeStyle);
    }
    const pill = template.content.firstElementChild!.cloneNode(true) as HTMLButtonElement;
    shadow.append(pill);
    shadow.addEventListener('click', onClick);
    return { shadow, pill, score: pill.firstChild as Text, trend: pill.lastElementChild as HTMLElement, summary, themeStyle };
  }

  function renderBadge(host: HTMLElement, summary: AccountSummary) {
    const badge = mounted.get(host) ?? mount(host, summary);
    mounted.set(host, badge);
    const look = pillLook(summary);
    badge.summary = summary;
    badge.score.data = look.score;
    badge.trend.textContent = look.trend;
    badge.pill.className = look.className;
    badge.pill.setAttribute('aria-label', look.label);
    badge.pill.dataset.tier = look.tier;
    badge.pill.style.cssText = look.colors;
    if (badge.themeStyle) {
      if (badge.themeStyle.textContent !== themeText) badge.themeStyle.textContent = themeText;
      remember(badge.themeStyle);
    }
    if (open?.host === host) renderCard(open);
  }

  function setTheme(next: Theme) {
    if (next === theme) return;
    theme = next;
    themeText = themeCss(theme);
    sheets?.theme.replaceSync(themeText);
    for (const style of ownStyles) {
      if (style.isConnected) style.textContent = themeText;
      else ownStyles.delete(style); // its badge left; render() themes it again should it come back
    }
  }

  // ---- the card

  const later = (fn: () => void, ms: number) => {
    win.clearTimeout(timer);
    timer = win.setTimeout(fn, ms);
  };

  /** Clicks on a badge are its own: the row or link it sits in must not react too. */
  function onClick(this: ShadowRoot, event: Event) {
    event.stopPropagation();
    const host = this.host as HTMLElement;
    if (!mounted.get(host)?.pill.contains(event.target as Node)) return; // a click inside the card
    if (open?.host === host) close(false);
    else openCard(host);
  }

  function openCard(host: HTMLElement) {
    win.clearTimeout(timer);
    if (open?.host === host) return;
    const badge = mounted.get(host);
    if (!badge || !host.isConnected) return;
    close(false);
    const popover = doc.createElement('div');
    popover.className = 'popover';
    popover.setAttribute('role', 'dialog');
    const card: OpenCard = { host, badge, popover, stop: new AbortController() };
    open = card;
    badge.shadow.append(popover);
    renderCard(card);
    if (typeof popover.showPopover === 'function') {
      popover.setAttribute('popover', 'manual');
      popover.showPopover();
    }
    badge.pill.setAttribute('aria-expanded', 'true');
    place(card);
    // The card follows its pill while the page scrolls (any scroller) or resizes, and closes when the pill is gone.
    let queued = false;
    const follow = () => {
      if (queued) return;
      queued = true;
      win.requestAnimationFrame(() => {
        queued = false;
        if (open === card) place(card);
      });
    };
    const listen = { capture: true, passive: true, signal: card.stop.signal };
    doc.addEventListener('scroll', follow, listen);
    win.addEventListener('resize', follow, listen);
    win.addEventListener('keydown', onKey, { capture: true, signal: card.stop.signal });
  }

  function renderCard(card: OpenCard) {
    const { summary } = card.badge;
    card.popover.setAttribute('aria-label', summary.name);
    const onOpenAccount = options.onOpenAccount;
    render(<ScoreCard summary={summary} onOpenAccount={onOpenAccount && (() => onOpenAccount(summary.accountId))} />, card.popover);
  }

  /**
   * Below the pill, or above when only there it fits; when it fits on neither side, on the roomier one, scrolling
   * inside. Never past the viewport's edges; closed once the pill is off screen.
   */
  function place(card: OpenCard) {
    const anchor = card.badge.pill.getBoundingClientRect();
    if (!card.host.isConnected || anchor.bottom < 0 || anchor.top > win.innerHeight || (anchor.width === 0 && anchor.height === 0)) return close(false);
    const { style } = card.popover;
    style.maxHeight = '';
    const box = card.popover.getBoundingClientRect();
    const roomBelow = win.innerHeight - anchor.bottom - 2 * GAP;
    const roomAbove = anchor.top - 2 * GAP;
    const below = box.height <= roomBelow || (box.height > roomAbove && roomBelow >= roomAbove);
    const room = Math.max(MIN_CARD_HEIGHT, below ? roomBelow : roomAbove);
    const height = Math.min(box.height, room);
    if (height < box.height) style.maxHeight = `${height}px`;
    const top = Math.max(GAP, Math.min(below ? anchor.bottom + GAP : anchor.top - GAP - height, win.innerHeight - GAP - height));
    const left = Math.min(Math.max(GAP, anchor.left), Math.max(GAP, win.innerWidth - box.width - GAP));
    style.left = `${left}px`;
    style.top = `${top}px`;
  }

  /** Closes the card; focus goes back to the pill only when it was in the badge (never away from what the user types in). */
  function close(refocus: boolean) {
    win.clearTimeout(timer);
    const card = open;
    if (!card) return;
    open = null;
    const hadFocus = card.badge.shadow.activeElement !== null;
    card.stop.abort();
    render(null, card.popover);
    card.popover.remove();
    card.badge.pill.setAttribute('aria-expanded', 'false');
    if (refocus && hadFocus) card.badge.pill.focus();
  }

  function onKey(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !open) return;
    const inBadge = open.badge.shadow.activeElement !== null;
    close(true);
    if (inBadge) event.stopPropagation(); // the Esc was for us; elsewhere the page still gets it
  }

  // ---- hover and focus, for every badge at once: events from inside a closed shadow root reach the document
  // with the host as their target (and as relatedTarget when the pointer or focus moves within the badge).

  const badgeOf = (target: EventTarget | null) => (target && mounted.has(target as HTMLElement) ? (target as HTMLElement) : null);
  const on = (type: string, handler: (event: Event & { relatedTarget?: EventTarget | null }) => void) =>
    doc.addEventListener(type, handler as EventListener, { capture: true, passive: true, signal: listening.signal });
  on('mouseover', (event) => {
    const host = badgeOf(event.target);
    if (!host || event.relatedTarget === host) return;
    if (open?.host === host) win.clearTimeout(timer);
    else later(() => openCard(host), OPEN_DELAY);
  });
  on('mouseout', (event) => {
    const host = badgeOf(event.target);
    if (!host || event.relatedTarget === host) return;
    later(() => open?.host === host && close(false), CLOSE_DELAY);
  });
  on('mousedown', (event) => {
    pressed = badgeOf(event.target);
  });
  on('mouseup', () => {
    pressed = null; // the focus a press gives came before this; the click that follows decides
  });
  on('focusin', (event) => {
    const host = badgeOf(event.target);
    if (host && host !== pressed) openCard(host);
  });
  on('focusout', (event) => {
    const host = badgeOf(event.target);
    if (host && event.relatedTarget !== host) later(() => open?.host === host && close(false), CLOSE_DELAY);
  });

  return {
    render: renderBadge,
    setTheme,
    destroy() {
      close(false);
      listening.abort();
    },
  };
}

// One pair of stylesheet objects shared by every badge's shadow root: the badge CSS, parsed once instead of once
// per badge (what keeps a page with thousands of badges fast), and the theme, which one replaceSync() changes for
// all. Firefox content scripts cannot adopt sheets into the page's shadow roots (their X-ray wrappers refuse the
// array), so there each badge gets its own <style> elements.
interface Sheets {
  badge: CSSStyleSheet;
  theme: CSSStyleSheet;
}

function sharedSheets(theme: Theme): Sheets | null {
  try {
    const badge = new CSSStyleSheet();
    badge.replaceSync(STYLE);
    const themed = new CSSStyleSheet();
    themed.replaceSync(themeCss(theme));
    return { badge, theme: themed };
  } catch {
    return null;
  }
}

function adopt(shadow: ShadowRoot, sheets: Sheets): boolean {
  try {
    shadow.adoptedStyleSheets = [sheets.badge, sheets.theme];
    return shadow.adoptedStyleSheets.length === 2;
  } catch {
    return false;
  }
}
