// Playwright fixtures: a Chromium with the built extension loaded, and the demo pages served on localhost.
import { test as base } from '@playwright/test';
import { type ChromiumSession, launchChromium } from '../../../lib/dev/launch';
import { type StaticServer, serveStatic } from '../../../lib/dev/serve';

export const test = base.extend<object, { session: ChromiumSession; pages: StaticServer }>({
  session: [
    async ({}, use) => {
      const session = await launchChromium({ headless: true });
      await use(session);
      await session.close();
    },
    { scope: 'worker' },
  ],
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
