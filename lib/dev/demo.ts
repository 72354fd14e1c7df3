// `npm run demo`: serves the three demo pages on localhost and opens Chromium with the built extension.
// With a display it opens a window and waits until you close it; headless (no DISPLAY, or --headless) it takes
// screenshots of the pages and the popup, prints their paths and exits.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { BADGE_TAG } from '../page/runner';
import { launchChromium } from './launch';
import { serveStatic } from './serve';

const PAGES = [
  { file: 'helpdesk.html', title: 'Helpdesk ticket view' },
  { file: 'inbox.html', title: 'Inbox list' },
  { file: 'crm.html', title: 'CRM account list' },
];

async function waitForBadges(page: Page): Promise<number> {
  await page.waitForFunction((tag) => document.querySelectorAll(tag).length > 0, BADGE_TAG, { timeout: 15_000 });
  await page.waitForTimeout(300); // let the last lookup batch land
  return page.evaluate((tag) => document.querySelectorAll(tag).length, BADGE_TAG);
}

/** Hovers the first badge and captures it with its card open. */
async function cardShot(page: Page, path: string): Promise<string> {
  const host = page.locator(BADGE_TAG).first();
  await host.hover();
  await page.waitForTimeout(600); // open delay + placement
  const box = (await host.boundingBox())!;
  const clip = { x: Math.max(0, box.x - 260), y: Math.max(0, box.y - 40), width: 620, height: 640 };
  await page.screenshot({ path, clip });
  await page.mouse.move(0, 0);
  return `${path}  (a badge with its card open)`;
}

async function main() {
  const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
  const server = await serveStatic('test/fixtures/demo');
  const session = await launchChromium({ headless });
  const urls = PAGES.map((p) => `${server.origin}/${p.file}`);
  try {
    if (!headless) {
      for (const url of urls) await (await session.context.newPage()).goto(url);
      await (await session.context.newPage()).goto(`chrome-extension://${session.extensionId}/popup.html`);
      console.log(`Demo pages:\n${urls.join('\n')}\nClose the browser window to end the demo.`);
      await new Promise((done) => session.context.on('close', done));
      return;
    }
    const outDir = resolve('screenshots');
    mkdirSync(outDir, { recursive: true });
    const written: string[] = [];
    for (const [i, url] of urls.entries()) {
      const page = await session.context.newPage();
      await page.goto(url);
      const count = await waitForBadges(page);
      const path = `${outDir}/${PAGES[i]!.file.replace('.html', '.png')}`;
      await page.screenshot({ path });
      written.push(`${path}  (${PAGES[i]!.title}, ${count} badges)`);
      if (i === 0) written.push(await cardShot(page, `${outDir}/card.png`));
      await page.close();
    }
    const popup = await session.context.newPage();
    await popup.setViewportSize({ width: 340, height: 420 });
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await popup.getByTestId('account-count').waitFor();
    const popupPath = `${outDir}/popup.png`;
    await popup.screenshot({ path: popupPath, fullPage: true });
    written.push(`${popupPath}  (popup)`);
    console.log(`Screenshots:\n${written.join('\n')}`);
  } finally {
    await session.close();
    await server.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
