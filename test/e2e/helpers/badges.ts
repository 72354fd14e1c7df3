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

/** The aria-labels of the badges whose hosts carry `data-probe` = probe (see hasBadgeAt). */
export async function probedLabels(page: Page, probe: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  await cdp.detach();
  const labels: string[] = [];
  for (const node of walk(root)) {
    if (node.localName !== BADGE_TAG || attr(node, 'data-probe') !== probe) continue;
    const pill = [...walk(node.shadowRoots?.[0] ?? node)].find((n) => attr(n, 'aria-label') !== undefined);
    labels.push(pill ? attr(pill, 'aria-label')! : '');
  }
  return labels;
}

export async function waitForBadgeCount(page: Page, count: number): Promise<void> {
  await page.waitForFunction(([tag, n]) => document.querySelectorAll(tag as string).length >= (n as number), [BADGE_TAG, count] as const, { timeout: 15_000 });
}

/**
 * Runs fn inside the closed shadow root of the badge host that hostSelector finds (fn's `this` is the shadow
 * root), through the DevTools protocol as the browser's own tools would; returns what fn returns.
 */
export async function inBadge<T>(page: Page, hostSelector: string, fn: (this: ShadowRoot) => T): Promise<T> {
  const probe = `p${Math.random().toString(36).slice(2)}`;
  await page.evaluate(([sel, id]) => {
    const host = document.querySelector(sel!);
    if (!host) throw new Error(`no badge host at ${sel}`);
    host.setAttribute('data-probe', id!);
  }, [hostSelector, probe]);
  const cdp = await page.context().newCDPSession(page);
  try {
    type Node = CdpNode & { backendNodeId: number; shadowRoots?: (CdpNode & { backendNodeId: number })[] };
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
    const host = [...walk(root)].find((n) => attr(n, 'data-probe') === probe) as Node | undefined;
    const shadow = host?.shadowRoots?.[0];
    if (!shadow) throw new Error(`the element at ${hostSelector} has no shadow root`);
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!, functionDeclaration: fn.toString(), returnByValue: true, awaitPromise: true,
    });
    if (exceptionDetails) throw new Error(`in the badge at ${hostSelector}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as T;
  } finally {
    await cdp.detach();
    await page.evaluate((id) => document.querySelector(`[data-probe="${id}"]`)?.removeAttribute('data-probe'), probe);
  }
}
