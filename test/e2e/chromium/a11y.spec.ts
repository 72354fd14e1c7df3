// Accessibility audit of the popup, every options tab and the account view, and of their error states (a failed
// sync, a refused override, a config with problems), in the light and the dark theme:
// AA contrast of every visible text and of form-field boundaries and focus indicators (test/e2e/helpers/
// contrast.ts does the arithmetic), keyboard reach with a visible focus on everything interactive and no trap,
// accessible names from Chromium's own accessibility tree, tabs wired to their panel, async results in live
// regions. Every failure is listed with where it is, so a red run says what to fix.
import type { CDPSession, Page } from '@playwright/test';
import { type BackgroundLayer, NON_TEXT_RATIO, contrast, effectiveBackground, parseCssColor, requiredTextRatio } from '../helpers/contrast';
import { expect, test } from '../helpers/fixtures';
import { shotPath } from '../helpers/shots';
import { editWeightsForWhatIf } from './options-helpers';

type Scheme = 'light' | 'dark';

interface View {
  name: string;
  path: string;
  width: number;
  ready: (page: Page) => Promise<void>;
  /** Text that must reach screen readers through a live region once the view has settled. */
  announced?: RegExp;
  /** Undoes what `ready` stored, so later views start from the demo data. */
  after?: (page: Page) => Promise<void>;
}

const options = (hash: string) => `options.html${hash}`;

const VIEWS: View[] = [
  { name: 'popup', path: 'popup.html', width: 340, ready: (p) => expect(p.getByTestId('account-count')).toHaveText('40 accounts') },
  {
    name: 'popup-search',
    path: 'popup.html',
    width: 340,
    ready: async (p) => {
      await p.getByLabel('Find an account').fill('b');
      await expect(p.locator('.search .card')).toBeVisible();
    },
    announced: /matching accounts/,
  },
  { name: 'scoring', path: options('#/scoring'), width: 1280, ready: (p) => expect(p.getByTestId('config-versions')).toBeVisible() },
  {
    name: 'scoring-whatif',
    path: options('#/scoring'),
    width: 1280,
    ready: editWeightsForWhatIf,
    announced: /accounts change tier/,
  },
  {
    name: 'accounts',
    path: options('#/accounts'),
    width: 1280,
    ready: (p) => expect(p.locator('[data-testid="accounts-count"][data-stage="done"]')).toContainText('40 of 40'),
    announced: /40 of 40/,
  },
  { name: 'account', path: options('#/accounts/acc-002'), width: 1280, ready: (p) => expect(p.locator('.history circle').first()).toBeAttached() },
  { name: 'sources', path: options('#/sources'), width: 1280, ready: (p) => expect(p.getByTestId('source-config')).toBeVisible() },
  { name: 'sites', path: options('#/sites'), width: 1280, ready: (p) => expect(p.getByTestId('adapter-gmail')).toBeVisible() },
  { name: 'privacy', path: options('#/privacy'), width: 1280, ready: (p) => expect(p.getByTestId('table-counts')).toContainText('Accounts') },
];

/** A source whose last sync failed, written straight into the extension's database (no sync runs for it). */
const FAILED_SOURCE = {
  id: 'a11y-metrics', kind: 'metrics', url: 'https://data.example/accounts.csv', auth: { kind: 'none' }, format: 'csv', mapping: {}, scheduleMinutes: 60,
  etag: null, lastModified: null, lastSuccessAt: '2026-11-20T08:00:00.000Z', lastAttemptAt: '2026-11-21T08:00:00.000Z', nextAttemptAt: '2026-11-21T08:30:00.000Z',
  consecutiveFailures: 2, lastError: 'HTTP 503 from data.example: the server is unavailable',
};

/** Puts (or, with `remove`, deletes) a row of the extension's database from one of its pages. */
function writeRow([store, row, remove]: readonly [string, Record<string, unknown>, boolean]): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('healthmark');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction(store, 'readwrite');
      if (remove) tx.objectStore(store).delete(row.id as string);
      else tx.objectStore(store).put(row);
      tx.oncomplete = () => (open.result.close(), resolve());
      tx.onerror = () => reject(tx.error);
    };
  });
}

/** An error state of every kind the pages show: a failed sync, a refused override, a config with problems. */
const ERROR_VIEWS: View[] = [
  {
    name: 'popup-sync-error',
    path: 'popup.html',
    width: 340,
    ready: async (p) => {
      await p.evaluate(writeRow, ['sources', FAILED_SOURCE, false] as const);
      await p.reload();
      await expect(p.getByTestId(`sync-error-${FAILED_SOURCE.id}`)).toContainText('HTTP 503');
    },
    announced: /HTTP 503/,
    after: (p) => p.evaluate(writeRow, ['sources', FAILED_SOURCE, true] as const),
  },
  {
    name: 'account-override-errors',
    path: options('#/accounts/acc-003'),
    width: 1280,
    ready: async (p) => {
      await p.getByRole('button', { name: 'Save override' }).click();
      await expect(p.locator('form.override-form .field-error')).toHaveCount(4);
      await expect(p.getByLabel('Score (0–100)')).toBeFocused();
    },
  },
  {
    name: 'scoring-errors',
    path: options('#/scoring'),
    width: 1280,
    ready: async (p) => {
      const editor = p.getByLabel('Scoring config (JSON)');
      await expect(editor).toHaveValue(/"schemaVersion"/);
      const config = JSON.parse(await editor.inputValue());
      config.tiers[0].max = 20; // a gap between the first two tiers
      config.scorecards[0].measures[0].metric = 'no_such_metric';
      await editor.fill(JSON.stringify(config, null, 2));
      await expect(p.getByTestId('config-issues')).toBeVisible();
      await expect(p.getByTestId('apply-config')).toBeDisabled();
    },
    announced: /problems? to fix/,
  },
];

/** What Chromium paints under the page when nothing else is: white, or its dark canvas in the dark theme. */
const CANVAS = { light: [255, 255, 255], dark: [18, 18, 18] } as const;

// ---- contrast ------------------------------------------------------------------------------------------------

interface Sample {
  kind: 'text' | 'field-boundary';
  where: string;
  text: string;
  color: string;
  opacity: number;
  fontSize: number;
  fontWeight: number;
  layers: BackgroundLayer[];
  /** For a field boundary: the field's own background, which also sets it apart when it differs enough. */
  ownBackground?: string;
}

/** Computed colours of every visible text (HTML and SVG), form-field value or placeholder, and form-field border. */
function collectSamples(): Sample[] {
  const describe = (el: Element) => {
    const id = el.id ? `#${el.id}` : '';
    const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    const test = el.getAttribute('data-testid');
    return `${el.parentElement?.tagName.toLowerCase() ?? ''} > ${el.tagName.toLowerCase()}${id}${cls}${test ? `[data-testid=${test}]` : ''}`;
  };
  const layers = (from: Element | null) => {
    const out: BackgroundLayer[] = [];
    for (let e = from; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      out.push({ color: s.backgroundColor, image: s.backgroundImage !== 'none' });
    }
    return out;
  };
  const opacity = (el: Element) => {
    let o = 1;
    for (let e: Element | null = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
    return o;
  };
  // Clipped to nothing (the visually-hidden pattern): read by screen readers, not seen.
  const clippedAway = (el: Element) => {
    for (let e: Element | null = el; e; e = e.parentElement) {
      const r = e.getBoundingClientRect();
      if ((r.width <= 1 || r.height <= 1) && getComputedStyle(e).overflow !== 'visible') return true;
    }
    return false;
  };
  const shown = (el: Element) => el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && !clippedAway(el);
  // Disabled controls are exempt from contrast minimums (WCAG 1.4.3).
  const disabled = (el: Element) => !!el.closest(':disabled');

  const samples: Sample[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim() ?? '';
    const el = node.parentElement;
    if (!text || !el || !shown(el) || disabled(el)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const rect = range.getBoundingClientRect();
    if (rect.width < 1 || rect.height < 1) continue;
    const svg = el.closest('svg');
    const s = getComputedStyle(el);
    samples.push({
      kind: 'text', where: describe(el), text: text.slice(0, 50), color: svg ? s.fill : s.color, opacity: opacity(el),
      fontSize: parseFloat(s.fontSize), fontWeight: Number(s.fontWeight), layers: layers(svg ? svg.parentElement : el),
    });
  }
  const fields = document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input:not([type=checkbox]):not([type=radio]):not([type=hidden]), select, textarea');
  for (const field of fields) {
    if (!shown(field) || disabled(field)) continue;
    const s = getComputedStyle(field);
    const placeholder = 'placeholder' in field && !field.value && field.placeholder;
    const text = placeholder || (field instanceof HTMLSelectElement ? field.selectedOptions[0]?.text : field.value) || '';
    if (text.trim()) {
      samples.push({
        kind: 'text', where: `${describe(field)}${placeholder ? '::placeholder' : ''}`, text: text.slice(0, 50),
        color: placeholder ? getComputedStyle(field, '::placeholder').color : s.color, opacity: opacity(field),
        fontSize: parseFloat(s.fontSize), fontWeight: Number(s.fontWeight), layers: layers(field),
      });
    }
    if (parseFloat(s.borderTopWidth) >= 1) {
      samples.push({
        kind: 'field-boundary', where: describe(field), text: '', color: s.borderTopColor, opacity: opacity(field),
        fontSize: 0, fontWeight: 0, layers: layers(field.parentElement), ownBackground: s.backgroundColor,
      });
    }
  }
  return samples;
}

function contrastFailures(samples: Sample[], scheme: Scheme): { failures: string[]; skipped: string[] } {
  const failures: string[] = [];
  const skipped: string[] = [];
  for (const s of samples) {
    const behind = effectiveBackground(s.layers, CANVAS[scheme]);
    const fg = parseCssColor(s.color);
    if ('unknown' in behind || !fg) {
      skipped.push(`${s.where} "${s.text}": ${'unknown' in behind ? behind.unknown : `unparsed colour ${s.color}`}`);
      continue;
    }
    const ratio = contrast({ ...fg, alpha: fg.alpha * s.opacity }, behind.rgb);
    if (s.kind === 'text') {
      const needed = requiredTextRatio(s.fontSize, s.fontWeight);
      if (ratio < needed) failures.push(`text ${s.where} "${s.text}": ${ratio.toFixed(2)}:1 < ${needed}:1 (${s.color} on rgb(${behind.rgb.map(Math.round).join(', ')}), ${s.fontSize}px/${s.fontWeight})`);
      continue;
    }
    const own = parseCssColor(s.ownBackground ?? 'transparent');
    const fill = own && own.alpha > 0 ? contrast(own, behind.rgb) : 1;
    if (Math.max(ratio, fill) < NON_TEXT_RATIO) failures.push(`field boundary ${s.where}: border ${s.color} ${ratio.toFixed(2)}:1, fill ${fill.toFixed(2)}:1 against rgb(${behind.rgb.map(Math.round).join(', ')}) < ${NON_TEXT_RATIO}:1`);
  }
  return { failures, skipped };
}

// ---- keyboard ------------------------------------------------------------------------------------------------

interface FocusLook {
  outlineStyle: string;
  outlineWidth: string;
  outlineColor: string;
  outlineOffset: string;
  boxShadow: string;
  borderColor: string;
  backgroundColor: string;
  /** Backgrounds behind the indicator: the element's own for an inset outline, else its parent's outwards. */
  layers: BackgroundLayer[];
}

interface Stop {
  key: string;
  where: string;
}

const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex], [contenteditable="true"]';

/** Marks every element Tab should reach (one per radio group) and records how each looks unfocused. */
async function markTabbables(page: Page): Promise<{ stops: Stop[]; unfocused: Record<string, FocusLook> }> {
  return page.evaluate((selector) => {
    (document.activeElement as HTMLElement | null)?.blur();
    const stops: Stop[] = [];
    const unfocused: Record<string, FocusLook> = {};
    const radioGroups = new Map<string, string>();
    let n = 0;
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      if (el.tabIndex < 0 || (el as HTMLButtonElement).disabled || el.closest('[inert]') || !el.checkVisibility({ visibilityProperty: true })) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const radio = el instanceof HTMLInputElement && el.type === 'radio' ? `radio:${el.name}` : null;
      const key = (radio && radioGroups.get(radio)) ?? `k${n++}`;
      if (radio) radioGroups.set(radio, key);
      el.dataset.a11yKey = key;
      if (unfocused[key]) continue;
      const label = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? '';
      stops.push({ key, where: `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[role=${el.getAttribute('role')}]` : ''} "${label}"` });
      const s = getComputedStyle(el);
      unfocused[key] = {
        outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth, outlineColor: s.outlineColor, outlineOffset: s.outlineOffset,
        boxShadow: s.boxShadow, borderColor: s.borderColor, backgroundColor: s.backgroundColor, layers: [],
      };
    }
    return { stops, unfocused };
  }, FOCUSABLE);
}

/** The focused element's key and look, or null when focus is on the page itself (or left it). */
function focusedLook(): { key: string; look: FocusLook } | null {
  const el = document.activeElement as HTMLElement | null;
  if (!el || el === document.body || !el.dataset.a11yKey) return el && el !== document.body ? { key: `unmarked ${el.tagName}`, look: null as never } : null;
  const s = getComputedStyle(el);
  const layers: BackgroundLayer[] = [];
  for (let e: Element | null = parseFloat(s.outlineOffset) < 0 ? el : el.parentElement; e; e = e.parentElement) {
    const p = getComputedStyle(e);
    layers.push({ color: p.backgroundColor, image: p.backgroundImage !== 'none' });
  }
  return {
    key: el.dataset.a11yKey,
    look: { outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth, outlineColor: s.outlineColor, outlineOffset: s.outlineOffset, boxShadow: s.boxShadow, borderColor: s.borderColor, backgroundColor: s.backgroundColor, layers },
  };
}

/** Why a focused element's look does not show focus well enough, or null when it does. */
function focusProblem(before: FocusLook, after: FocusLook, scheme: Scheme): string | null {
  const outline = after.outlineStyle !== 'none' && parseFloat(after.outlineWidth) >= 1;
  if (outline) {
    const behind = effectiveBackground(after.layers, CANVAS[scheme]);
    const color = parseCssColor(after.outlineColor);
    if ('unknown' in behind || !color) return null; // cannot judge the colour: the ring is there
    const ratio = contrast(color, behind.rgb);
    return ratio >= NON_TEXT_RATIO ? null : `focus outline ${after.outlineColor} is ${ratio.toFixed(2)}:1 against rgb(${behind.rgb.map(Math.round).join(', ')})`;
  }
  if (after.boxShadow !== before.boxShadow && after.boxShadow !== 'none') return null;
  return `no visible focus indicator (outline ${after.outlineStyle} ${after.outlineWidth}, box-shadow ${after.boxShadow})`;
}

/** A date field takes one Tab per part (month, day, year) before focus moves on. */
const MAX_TABS_WITHIN = 4;

/**
 * Tabs once round the whole view (from wherever the browser's focus start point is, through the page's end and
 * round again to the first element reached): what was reached, focus problems, and traps (focus that stays put,
 * or goes round a part of the page without coming back).
 */
async function keyboardFailures(page: Page, scheme: Scheme): Promise<string[]> {
  const { stops, unfocused } = await markTabbables(page);
  const failures: string[] = [];
  const reached = new Set<string>();
  const where = new Map(stops.map((s) => [s.key, s.where]));
  let first: string | null = null;
  let previous: string | null = null;
  let within = 0;
  for (let i = 0; i < 2 * stops.length + 2 * MAX_TABS_WITHIN + 4; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(focusedLook);
    if (!focused) continue; // on the page itself, between its end and its start
    if (focused.key === previous) {
      if (++within <= MAX_TABS_WITHIN) continue;
      failures.push(`keyboard trap: Tab does not move on from ${where.get(focused.key) ?? focused.key}`);
      break;
    }
    within = 0;
    previous = focused.key;
    if (focused.key === first) break; // round once
    if (reached.has(focused.key)) {
      failures.push(`keyboard trap: focus goes round without coming back to the start, again at ${where.get(focused.key) ?? focused.key}`);
      break;
    }
    first ??= focused.key;
    reached.add(focused.key);
    if (focused.key.startsWith('unmarked')) {
      failures.push(`Tab reached ${focused.key}, which is not a focusable element kind the audit knows`);
      continue;
    }
    const problem = focusProblem(unfocused[focused.key]!, focused.look, scheme);
    if (problem) failures.push(`${where.get(focused.key)}: ${problem}`);
  }
  for (const stop of stops) if (!reached.has(stop.key)) failures.push(`not reached with Tab: ${stop.where}`);
  return failures;
}

// ---- names, tabs, live regions -------------------------------------------------------------------------------

const NAMED_ROLES = new Set([
  'button', 'link', 'textbox', 'searchbox', 'combobox', 'checkbox', 'switch', 'radio', 'tab', 'spinbutton', 'slider',
  'menuitem', 'listbox', 'option', 'date', 'DateTime', 'InputTime', 'image', 'img', 'SvgRoot',
]);

interface AXNode {
  ignored: boolean;
  role?: { value: string };
  name?: { value: string };
  backendDOMNodeId?: number;
}

async function outerHtml(cdp: CDPSession, backendNodeId: number | undefined): Promise<string> {
  if (backendNodeId === undefined) return '(no DOM node)';
  const { outerHTML } = (await cdp.send('DOM.getOuterHTML', { backendNodeId })) as { outerHTML: string };
  return outerHTML.replace(/\s+/g, ' ').slice(0, 140);
}

/** Interactive elements, images and charts without an accessible name, from Chromium's accessibility tree. */
async function nameFailures(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
    const failures: string[] = [];
    for (const node of nodes) {
      const role = node.role?.value ?? '';
      if (node.ignored || !NAMED_ROLES.has(role) || node.name?.value.trim()) continue;
      failures.push(`${role} without an accessible name: ${await outerHtml(cdp, node.backendDOMNodeId)}`);
    }
    return failures;
  } finally {
    await cdp.detach();
  }
}

/** Tabs say which is selected and which panel they control; the selected tab's panel exists and names its tab. */
function tabFailures(): string[] {
  const failures: string[] = [];
  for (const tab of document.querySelectorAll('[role="tab"]')) {
    const selected = tab.getAttribute('aria-selected');
    if (selected !== 'true' && selected !== 'false') failures.push(`tab #${tab.id} has aria-selected="${selected}"`);
    if (!tab.closest('[role="tablist"]')) failures.push(`tab #${tab.id} is not inside a tablist`);
    const panel = document.getElementById(tab.getAttribute('aria-controls') ?? '');
    if (selected === 'true' && panel?.getAttribute('role') !== 'tabpanel') failures.push(`selected tab #${tab.id} controls no tabpanel`);
    if (selected === 'true' && panel?.getAttribute('aria-labelledby') !== tab.id) failures.push(`panel of tab #${tab.id} is not labelled by it`);
  }
  return failures;
}

/** The text of every live region (role status/alert/log or aria-live) in the page. */
const liveTexts = () =>
  [...document.querySelectorAll('[role="status"], [role="alert"], [role="log"], [aria-live]:not([aria-live="off"])')].map((el) => el.textContent ?? '');

// ---- the audit -----------------------------------------------------------------------------------------------

for (const scheme of ['light', 'dark'] as const) {
  for (const view of [...VIEWS, ...ERROR_VIEWS]) {
    test(`a11y: ${view.name} in the ${scheme} theme`, async ({ session }) => {
      const page = await session.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: view.width, height: view.width < 600 ? 760 : 900 });
      await page.goto(`chrome-extension://${session.extensionId}/${view.path}`);
      await view.ready(page);
      await page.screenshot({ path: shotPath(`a11y-${view.name}-${scheme}.png`), fullPage: true });

      const { failures: lowContrast, skipped } = contrastFailures(await page.evaluate(collectSamples), scheme);
      if (skipped.length) test.info().annotations.push({ type: 'contrast not judged', description: skipped.join('\n') });
      expect.soft(lowContrast, 'contrast (AA)').toEqual([]);
      expect.soft(await nameFailures(page), 'accessible names').toEqual([]);
      expect.soft(await page.evaluate(tabFailures), 'tabs').toEqual([]);
      if (view.announced) expect.soft(await page.evaluate(liveTexts), 'async result in a live region').toContainEqual(expect.stringMatching(view.announced));
      expect.soft(await keyboardFailures(page, scheme), 'keyboard').toEqual([]);
      await view.after?.(page);
      await page.close();
    });
  }
}
