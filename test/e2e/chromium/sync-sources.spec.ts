// URL sync end to end in Chromium: sources configured in the options Sources tab against a node:http server on
// 127.0.0.1; first sync (badges and popup switch to synced data), 304 on re-sync, changed data (history and the
// changes feed), then each fault leaving the previous data intact with its specific error in the popup.
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { DROPPED_ACCOUNTS, SYNC_ACCOUNTS, SYNC_CONFIG_TEXT, accountsCsv, expectedScores } from '../../fixtures/sync/dataset';
import { readBadges, waitForBadgeCount } from '../helpers/badges';
import { expect, test } from '../helpers/fixtures';
import { extensionPage } from './options-helpers';
import { shotPath } from '../helpers/shots';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const routes = new Map<string, Handler>();
let conditionalHits = 0;
let server: Server;
let origin = '';

/** A body with an ETag; a matching If-None-Match is counted and answered 304. */
const withEtag = (body: string, etag: string, type: string): Handler => (req, res) => {
  if (req.headers['if-none-match'] === etag) {
    conditionalHits++;
    return res.writeHead(304).end();
  }
  res.writeHead(200, { ETag: etag, 'Content-Type': type }).end(body);
};
const csv = (accounts: Parameters<typeof accountsCsv>[0], etag: string) => withEtag(accountsCsv(accounts), etag, 'text/csv');

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  server = createServer((req, res) => (routes.get((req.url ?? '/').split('?')[0]!) ?? ((_q, r) => r.writeHead(404).end()))(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  routes.set('/config.json', withEtag(SYNC_CONFIG_TEXT, '"c1"', 'application/json'));
  routes.set('/accounts.csv', csv(SYNC_ACCOUNTS, '"a1"'));
});
test.afterAll(() => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));

const EMAIL = /[a-z0-9.+-]+@[a-z0-9.-]+\.[a-z]+/i;

/** Score shown next to each contact on the demo inbox page. */
async function inboxScores(page: Page, pagesOrigin: string, count: number): Promise<Map<string, string>> {
  await page.goto(`${pagesOrigin}/demo/inbox.html`);
  await waitForBadgeCount(page, count);
  await page.waitForTimeout(500);
  return new Map((await readBadges(page)).map((b) => [EMAIL.exec(b.context)?.[0]?.toLowerCase() ?? b.context, b.text.split(/\s/)[0]!]));
}

function expectedByContact(accounts: typeof SYNC_ACCOUNTS): Map<string, string> {
  const scores = expectedScores(accounts);
  return new Map(accounts.map((a) => [a.contact, String(scores.get(a.id)!.score ?? '–')]));
}

async function saveSource(options: Page, kind: 'config' | 'metrics', path: string, timeoutSeconds?: number) {
  await options.getByTestId(`source-${kind}-url`).fill(`${origin}${path}`);
  if (timeoutSeconds) await options.getByTestId(`source-${kind}-timeoutSeconds`).fill(String(timeoutSeconds));
  await options.getByTestId(`source-${kind}-save`).click();
  await expect(options.getByTestId(`source-${kind}`).getByTestId('source-report')).toBeVisible();
}

async function popupSyncNow(popup: Page) {
  await expect(popup.getByTestId('sync-source-metrics')).toBeVisible();
  await popup.getByTestId('sync-now').click();
  await expect(popup.getByTestId('sync-now')).toBeEnabled();
}

test('sources set in the options page sync: badges show the synced scores and the popup says Synced data', async ({ session, pages }) => {
  const options = await session.context.newPage();
  await options.goto(extensionPage(session, 'options.html#/sources'));
  await options.getByTestId('source-config-url').fill('http://example.com/config.json');
  await options.getByTestId('source-config-save').click();
  await expect(options.locator('#source-config-url-error')).toContainText('sources must use https://');
  await expect(options.getByTestId('source-config-sync')).toHaveCount(0); // nothing was stored
  await saveSource(options, 'config', '/config.json');
  await expect(options.getByTestId('source-config').getByTestId('source-report')).toContainText('Synced health 1.0 applied');
  await saveSource(options, 'metrics', '/accounts.csv', 2);
  await expect(options.getByTestId('source-metrics').getByTestId('source-report')).toContainText(`${SYNC_ACCOUNTS.length} accounts imported`);
  await expect(options.getByTestId('sync-log')).toContainText('accounts imported');

  const inbox = await session.context.newPage();
  expect(await inboxScores(inbox, pages.origin, SYNC_ACCOUNTS.length)).toEqual(expectedByContact(SYNC_ACCOUNTS));
  const popup = await session.context.newPage();
  await popup.goto(extensionPage(session, 'popup.html'));
  await expect(popup.locator('[data-mode]')).toHaveText('Synced data');
  await expect(popup.getByTestId('account-count')).toHaveText(`${SYNC_ACCOUNTS.length} accounts`);
  await expect(popup.getByTestId('sync-source-metrics')).toContainText('Last success');
  await Promise.all([options.close(), inbox.close(), popup.close()]);
});

test('re-sync of unchanged sources costs two conditional requests answered 304', async ({ session }) => {
  const popup = await session.context.newPage();
  await popup.goto(extensionPage(session, 'popup.html'));
  const before = conditionalHits;
  await popupSyncNow(popup);
  expect(conditionalHits - before).toBe(2);
  await popup.close();
});

test('a running sync shows its step in the popup, also in one opened after it began', async ({ session }) => {
  const usual = routes.get('/accounts.csv')!;
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  routes.set('/accounts.csv', (req, res) => void held.then(() => usual(req, res)));
  const popup = await session.context.newPage();
  await popup.goto(extensionPage(session, 'popup.html'));
  await expect(popup.getByTestId('sync-source-metrics')).toBeVisible();
  await popup.getByTestId('sync-now').click();
  await expect(popup.getByTestId('sync-progress')).toHaveText('Account data: fetching…');
  await expect(popup.getByTestId('sync-now')).toBeDisabled();
  const later = await session.context.newPage();
  await later.goto(extensionPage(session, 'popup.html'));
  await expect(later.getByTestId('sync-progress')).toHaveText('Account data: fetching…');
  await expect(later.getByTestId('sync-now')).toBeDisabled();
  release();
  for (const page of [popup, later]) {
    await expect(page.getByTestId('sync-progress')).toHaveText('');
    await expect(page.getByTestId('sync-now')).toBeEnabled();
  }
  routes.set('/accounts.csv', usual);
  await Promise.all([popup.close(), later.close()]);
});

test('changed data updates scores and history and the changes feed shows the drop', async ({ session, pages }) => {
  routes.set('/accounts.csv', csv(DROPPED_ACCOUNTS, '"a2"'));
  const popup = await session.context.newPage();
  await popup.goto(extensionPage(session, 'popup.html'));
  await popupSyncNow(popup);
  const acme = DROPPED_ACCOUNTS[0]!;
  await expect(popup.getByTestId('changes-feed')).toContainText(acme.name);
  await expect(popup.getByTestId('changes-feed')).toContainText('Score dropped');
  const link = popup.getByTestId('changes-feed').getByRole('link', { name: acme.name }).first();
  await expect(link).toHaveAttribute('href', extensionPage(session, `options.html#/accounts/${acme.id}`));
  const history = await popup.evaluate(async (id) => {
    const open = indexedDB.open('healthmark');
    const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
    const request = db.transaction('history').objectStore('history').index('accountId').getAll(id);
    return new Promise<unknown[]>((resolve) => (request.onsuccess = () => resolve(request.result)));
  }, acme.id);
  expect(history).toHaveLength(1); // same day: today's point replaced, earlier days kept (unit tests cover days)
  const inbox = await session.context.newPage();
  expect(await inboxScores(inbox, pages.origin, DROPPED_ACCOUNTS.length)).toEqual(expectedByContact(DROPPED_ACCOUNTS));
  await Promise.all([popup.close(), inbox.close()]);
});

const faults: [string, 'config' | 'metrics', Handler, RegExp][] = [
  ['HTTP 500', 'metrics', (_q, res) => res.writeHead(500).end('boom'), /500/],
  ['a timeout', 'metrics', () => undefined, /time/i],
  ['a truncated body', 'metrics', (_q, res) => {
    res.writeHead(200, { 'Content-Length': '5000', 'Content-Type': 'text/csv' });
    res.write(accountsCsv(SYNC_ACCOUNTS).slice(0, 100));
    setTimeout(() => res.destroy(), 50);
  }, /truncat|incomplete|ended/i],
  ['invalid JSON', 'config', (_q, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{ "schemaVersion": 1, '), /not JSON/],
  ['too many bad rows', 'metrics', (_q, res) => res.writeHead(200, { 'Content-Type': 'text/csv' }).end(accountsCsv(SYNC_ACCOUNTS).replace(/,(\d+),(-?\d+),/g, ',lots,$2,')), /row \d+.*number/],
];

for (const [name, kind, handler, message] of faults) {
  test(`${name} leaves the previous data intact and the popup names the error`, async ({ session, pages }) => {
    const path = kind === 'config' ? '/config.json' : '/accounts.csv';
    const previous = routes.get(path)!;
    routes.set(path, handler);
    const popup = await session.context.newPage();
    await popup.goto(extensionPage(session, 'popup.html'));
    await popupSyncNow(popup);
    await expect(popup.getByTestId(`sync-error-${kind}`)).toContainText(message);
    await expect(popup.getByTestId('account-count')).toHaveText(`${DROPPED_ACCOUNTS.length} accounts`);
    await expect(popup.locator('[data-mode]')).toHaveText('Synced data');
    const inbox = await session.context.newPage();
    expect(await inboxScores(inbox, pages.origin, DROPPED_ACCOUNTS.length)).toEqual(expectedByContact(DROPPED_ACCOUNTS));
    routes.set(path, previous);
    await Promise.all([popup.close(), inbox.close()]);
  });
}

test('with a pinned public key a config with a wrong signature is refused and the active config stays', async ({ session }) => {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const spki = Buffer.from(await crypto.subtle.exportKey('spki', pair.publicKey)).toString('base64');
  const changed = SYNC_CONFIG_TEXT.replace('"version": "1.0"', '"version": "2.0"');
  // Signed over other bytes: a well-formed signature that does not match the body.
  const wrong = Buffer.from(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, new TextEncoder().encode(SYNC_CONFIG_TEXT))).toString('base64');
  routes.set('/config.json', (_q, res) => res.writeHead(200, { 'Content-Type': 'application/json', 'X-Healthmark-Signature': wrong }).end(changed));
  const options = await session.context.newPage();
  await options.goto(extensionPage(session, 'options.html#/sources'));
  await options.getByTestId('source-config-publicKey').fill(spki);
  await options.getByTestId('source-config-save').click();
  await expect(options.getByTestId('source-config').getByTestId('source-report')).toContainText('signature does not match');
  const popup = await session.context.newPage();
  await popup.goto(extensionPage(session, 'popup.html'));
  await expect(popup.getByTestId('sync-error-config')).toContainText('signature does not match');
  await expect(popup.getByTestId('config-name')).toContainText('Synced health (1.0)');
  await Promise.all([options.close(), popup.close()]);
});

test('screenshots of the Sources tab and the popup sync status, light and dark', async ({ session }) => {
  for (const scheme of ['light', 'dark'] as const) {
    const options = await session.context.newPage();
    await options.emulateMedia({ colorScheme: scheme });
    await options.setViewportSize({ width: 1100, height: 1500 });
    await options.goto(extensionPage(session, 'options.html#/sources'));
    await expect(options.getByTestId('sync-log')).toBeVisible();
    await options.screenshot({ path: shotPath(`sources-tab-${scheme}.png`), fullPage: true });
    const popup = await session.context.newPage();
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.setViewportSize({ width: 340, height: 900 });
    await popup.goto(extensionPage(session, 'popup.html'));
    await expect(popup.getByTestId('changes-feed')).toBeVisible();
    await popup.locator('main').screenshot({ path: shotPath(`popup-sync-${scheme}.png`) });
    await Promise.all([options.close(), popup.close()]);
  }
});
