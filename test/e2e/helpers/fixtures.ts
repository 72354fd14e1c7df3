// Playwright fixtures: a Chromium with the built extension loaded, and the demo pages served on localhost.
import { test as base } from '@playwright/test';
import { type ChromiumSession, launchChromium } from '../../../lib/dev/launch';
import { type StaticServer, serveStatic } from '../../../lib/dev/serve';

interface Browsers {
  file: string;
  session: ChromiumSession | null;
}

// One browser profile per spec file: the tests of a file may build on each other (apply a config, then restore
// it), but no file starts from what another file left in the extension's database.
export const test = base.extend<{ session: ChromiumSession }, { browsers: Browsers; pages: StaticServer }>({
  browsers: [
    async ({}, use) => {
      const browsers: Browsers = { file: '', session: null };
      await use(browsers);
      await browsers.session?.close();
    },
    { scope: 'worker' },
  ],
  session: async ({ browsers }, use, testInfo) => {
    if (browsers.file !== testInfo.file || !browsers.session) {
      await browsers.session?.close();
      browsers.session = await launchChromium({ headless: true });
      browsers.file = testInfo.file;
    }
    await use(browsers.session);
  },
  pages: [
    async ({}, use) => {
      const server = await serveStatic('test/fixtures');
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
