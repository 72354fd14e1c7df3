// Starts the browsers with the built extension loaded, the way ../shared/notes/browser-testing.md describes for
// these machines. Shared by `npm run demo`, the e2e tests and the benchmarks.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium } from '@playwright/test';
import { findChromium } from './browsers';

const OUT = process.env.HEALTHMARK_OUT ?? '.output';
export const CHROME_BUILD = resolve(OUT, 'chrome-mv3');
export const FIREFOX_BUILD = resolve(OUT, 'firefox-mv2');
export const GECKO_ID = 'healthmark@healthmark.dev';

export interface ChromiumSession {
  context: BrowserContext;
  extensionId: string;
  close(): Promise<void>;
}

export async function launchChromium(options: { headless: boolean; extensionDir?: string | null }): Promise<ChromiumSession> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'healthmark-chromium-'));
  const dir = options.extensionDir === undefined ? CHROME_BUILD : options.extensionDir;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: options.headless,
    viewport: { width: 1280, height: 800 },
    args: [
      ...(dir ? [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`] : []),
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic',
    ],
  });
  const close = async () => {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  };
  if (!dir) return { context, extensionId: '', close };
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    return { context, extensionId: new URL(worker.url()).host, close };
  } catch (error) {
    await close();
    throw new Error(`The extension in ${dir} did not start (no service worker within 15 s). Run \`npm run build\` first.`, { cause: error });
  }
}
