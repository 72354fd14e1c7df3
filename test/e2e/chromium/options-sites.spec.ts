// Options → Sites in real Chromium, with pages served at Gmail's real address: the Gmail switch takes its badges
// off and back without a reload, and the whole-page scan switch decides whether a built-in app's page the adapter
// does not understand is scanned like a site the user added.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { BADGE_TAG } from '../../../lib/page/runner';
import { expect, test } from '../helpers/fixtures';
import { serveAt } from '../helpers/sites';
import type { ChromiumSession } from '../../../lib/dev/launch';
import { extensionPage } from './options-helpers';

test.describe.configure({ mode: 'serial' });

const INBOX = 'https://mail.google.com/mail/u/0/#inbox';
const count = (page: Page) => page.evaluate((tag) => document.querySelectorAll(tag).length, BADGE_TAG);

/** A page served at Gmail's address with its badges counted, and Options → Sites beside it. */
async function gmailAndSites(session: ChromiumSession, fixture: string) {
  const unroute = await serveAt(session.context, INBOX, readFileSync(fixture, 'utf8'));
  const gmail = await session.context.newPage();
  await gmail.goto(INBOX);
  await expect.poll(() => count(gmail)).toBeGreaterThan(0);
  const badges = await count(gmail);
  const options = await session.context.newPage();
  await options.goto(extensionPage(session, 'options.html#/sites'));
  const close = async () => {
    await options.close();
    await gmail.close();
    await unroute();
  };
  return { gmail, badges, options, close };
}

test('turning Gmail off in Sites removes its badges from an open Gmail tab, and on brings them back', async ({ session }) => {
  const { gmail, badges, options, close } = await gmailAndSites(session, 'test/fixtures/sites/gmail-inbox.html');
  const toggle = options.getByRole('switch', { name: 'Gmail' });
  await expect(toggle).toBeChecked();
  await toggle.uncheck();
  await expect.poll(() => count(gmail)).toBe(0);
  await gmail.reload();
  await gmail.waitForTimeout(1000);
  expect(await count(gmail)).toBe(0); // stays off
  await expect(options.getByRole('switch', { name: 'Zendesk' })).toBeChecked(); // only Gmail
  await toggle.check();
  await expect.poll(() => count(gmail)).toBe(badges);
  await close();
});

test('a Gmail view the adapter does not know is scanned as a whole page, unless the switch says not to', async ({ session }) => {
  // The demo inbox: customers' addresses in plain text, none of Gmail's markup.
  const { gmail, badges, options, close } = await gmailAndSites(session, 'test/fixtures/demo/inbox.html');
  const toggle = options.getByTestId('whole-page-on-apps');
  await expect(toggle).toBeChecked();
  await toggle.uncheck();
  await expect.poll(() => count(gmail)).toBe(0);
  await toggle.check();
  await expect.poll(() => count(gmail)).toBe(badges);
  await close();
});
