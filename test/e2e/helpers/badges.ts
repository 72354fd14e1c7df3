// Reads the badges Healthmark rendered on a page. Their shadow roots are closed (the page cannot read them), so
// the test reads them the way the browser's own tools do: through the DevTools protocol with pierce.
import type { Page } from '@playwright/test';
import { BADGE_TAG } from '../../../lib/page/runner';

export interface SeenBadge {
  /** Text of the element the badge sits next to (its anchor), trimmed. */
  context: string;
  /** The badge's aria-label. */
  label: string;
  /** What the pill shows: the score (or – when unknown) and the trend. */
  text: string;
  tier: string;
}

interface CdpNode {
  nodeName: string;
  localName?: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

function attr(node: CdpNode, name: string): string | undefined {
  const a = node.attributes ?? [];
  for (let i = 0; i < a.length; i += 2) if (a[i] === name) return a[i + 1];
  return undefined;
}

function textOf(node: CdpNode): string {
  if (node.nodeName === '#text') return node.nodeValue ?? '';
  if (node.localName === 'style') return '';
  return [...(node.children ?? []), ...(node.shadowRoots ?? [])].map(textOf).join('');
}

function* walk(node: CdpNode): Generator<CdpNode> {
  yield node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) yield* walk(child);
}

export async function readBadges(page: Page): Promise<SeenBadge[]> {
  const contexts = await page.evaluate((tag) => {
    return [...document.querySelectorAll(tag)].map((host) => {
      const anchor = host.previousElementSibling ?? host.parentElement;
      const clone = anchor?.cloneNode(true) as Element | undefined;
      clone?.querySelectorAll(tag).forEach((n) => n.remove());
      return (clone?.textContent ?? '').trim();
    });
  }, BADGE_TAG);
  const cdp = await page.context().newCDPSession(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  await cdp.detach();
  const badges: SeenBadge[] = [];
  for (const node of walk(root)) {
    if (node.localName !== BADGE_TAG) continue;
    const shadow = node.shadowRoots?.[0];
    const pill = shadow ? [...walk(shadow)].find((n) => attr(n, 'aria-label') !== undefined) : undefined;
    badges.push({
      context: contexts[badges.length] ?? '',
      label: pill ? attr(pill, 'aria-label')! : '',
      text: pill ? textOf(pill).trim() : '',
      tier: pill ? (attr(pill, 'data-tier') ?? '') : '',
    });
  }
  return badges;
}

export async function waitForBadgeCount(page: Page, count: number): Promise<void> {
  await page.waitForFunction(([tag, n]) => document.querySelectorAll(tag as string).length >= (n as number), [BADGE_TAG, count] as const, { timeout: 15_000 });
}
