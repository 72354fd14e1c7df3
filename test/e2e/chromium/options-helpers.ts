// Shared by the options e2e specs: extension page URLs, the demo scored in Node with any config (what the
// badges must show after a config change), a what-if edit in the Scoring tab, and the badges of the demo inbox by
// contact email.
import { readFileSync } from 'node:fs';
import { type Page, expect } from '@playwright/test';
import { rebaseDemo, type DemoDataset } from '../../../lib/data/demo';
import { scoreAccount, validateConfig, type ScoringConfig } from '../../../lib/scoring';
import type { ScoreResult } from '../../../lib/scoring/types';
import { readBadges, waitForBadgeCount } from '../helpers/badges';
import type { ChromiumSession } from '../../../lib/dev/launch';

export const extensionPage = (session: ChromiumSession, path: string) => `chrome-extension://${session.extensionId}/${path}`;

/** Edits the Scoring tab's config into the default preset with sentiment weighing most: a what-if that moves accounts. */
export async function editWeightsForWhatIf(page: Page): Promise<void> {
  const editor = page.getByLabel('Scoring config (JSON)');
  await expect(editor).toHaveValue(/"schemaVersion"/);
  const config = JSON.parse(await editor.inputValue());
  config.version = '2025.2';
  const weights: Record<string, number> = { usage: 25, setup: 10, sentiment: 45, support_billing: 20 };
  for (const group of config.scorecards[0].groups) group.weight = weights[group.key];
  await editor.fill(JSON.stringify(config, null, 2));
  await expect(page.getByTestId('whatif-moves-count')).toBeVisible();
}

export function presetJson(name: 'default' | 'segmented'): ScoringConfig {
  return JSON.parse(readFileSync(`public/presets/${name}.json`, 'utf8')) as ScoringConfig;
}

/** Every demo account scored with `config` (validated first), as the extension scores it today. */
export function demoScores(config: unknown, now = new Date()): { id: string; name: string; contacts: string[]; result: ScoreResult }[] {
  const checked = validateConfig(config);
  if (!checked.ok) throw new Error(`config invalid: ${JSON.stringify(checked.issues)}`);
  const { accounts } = rebaseDemo(JSON.parse(readFileSync('public/demo/accounts.json', 'utf8')) as DemoDataset, now);
  return accounts.map((a) => ({ id: a.id, name: a.name, contacts: a.contacts, result: scoreAccount(checked.config, a, a.metrics, { now }) }));
}

const EMAIL = /[a-z0-9.+-]+@[a-z0-9.-]+\.[a-z]+/i;

/** The inbox demo page's badges keyed by the email they sit next to. */
export async function inboxBadges(page: Page, origin: string, expected: number): Promise<Map<string, { label: string; text: string }>> {
  await page.goto(`${origin}/demo/inbox.html`);
  if (expected > 0) await waitForBadgeCount(page, expected);
  await page.waitForTimeout(700); // nothing more should arrive
  const out = new Map<string, { label: string; text: string }>();
  for (const badge of await readBadges(page)) out.set(EMAIL.exec(badge.context)?.[0]?.toLowerCase() ?? badge.context, badge);
  return out;
}
