// npm run bench:page — the page runner in real Chromium with the built extension (run `npm run build` first).
// A generated Gmail inbox (5,000 rows, 2,000 distinct senders of demo companies) served at mail.google.com, then
// grown by 1,000 rows. Prints: injection → first and all badges, script time on the page's main thread, long
// tasks over 50 ms next to those of the same page with Healthmark turned off for it and the relayout one inserted
// element costs in this table (all measured in the same run), the content scripts' gzip size, the adapter scans
// against a bare TreeWalker pass over the same DOM, and lookup round trips of 500 identities, warm and with a
// freshly started worker.
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from '@playwright/test';
import { build } from 'esbuild';
import { CHROME_BUILD, launchChromium } from '../../lib/dev/launch';
import { BADGE_TAG } from '../../lib/page/runner';
import type { DemoDataset } from '../../lib/data/demo';

const ROWS = 5000;
const SENDERS = 2000;
const GROWTH = 1000;
const URL_INBOX = 'https://mail.google.com/mail/u/0/#inbox';

const demo = JSON.parse(readFileSync('public/demo/accounts.json', 'utf8')) as DemoDataset;
const domains = demo.accounts.map((a) => a.domains[0]!);
const sender = (i: number) => `person${i % SENDERS}@${domains[i % SENDERS % domains.length]}`;
// The sender's name as Gmail shows it, or (for the generic scan's second page) the address itself as text.
const row = (i: number, shown = `Person ${i % SENDERS}`) =>
  `<tr class="zA yO" role="row"><td class="yX xY"><div class="yW"><span class="yP" email="${sender(i)}" name="Person ${i % SENDERS}">${shown}</span></div></td><td class="xY a4W"><div class="xS"><div class="xT"><div class="y6"><span class="bog">Subject ${i}</span><span class="y2"> — snippet of message ${i}</span></div></div></div></td><td class="xW"><span title="Nov 1">Nov 1</span></td></tr>`;
const inbox = (rows: string) =>
  `<!doctype html><html><head><title>Inbox</title></head><body><div role="main"><div class="Cp"><table><tbody id="rows">${rows}</tbody></table></div></div></body></html>`;
const page = inbox(Array.from({ length: ROWS }, (_, i) => row(i)).join(''));
const growthRows = Array.from({ length: GROWTH }, (_, i) => row(ROWS + i)).join('');
// No content script runs at this origin: the scans are timed there without the extension reacting.
const URL_TEXT = 'https://bench.example/inbox-as-text';
const textPage = inbox(Array.from({ length: ROWS + GROWTH }, (_, i) => row(i, sender(i))).join(''));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

async function adapterBundle(): Promise<string> {
  const out = await build({ entryPoints: ['lib/sites/index.ts'], bundle: true, format: 'iife', globalName: 'HM', write: false, platform: 'browser' });
  return out.outputFiles[0]!.text;
}

async function main() {
  const session = await launchChromium({ headless: true });
  const { context, extensionId } = session;
  try {
    // tsx keeps function names with a __name helper that page-side functions would otherwise miss.
    await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await context.route('https://mail.google.com/**', (r) => r.fulfill({ contentType: 'text/html', body: page }));
    await context.route(URL_TEXT, (r) => r.fulfill({ contentType: 'text/html', body: textPage }));
    await context.addInitScript(() => {
      const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push({ start: e.startTime, duration: e.duration }))).observe({ type: 'longtask', buffered: true });
    });
    const ext = await context.newPage();
    await ext.goto(`chrome-extension://${extensionId}/popup.html`);

    // The same page with Healthmark turned off for it: the long tasks the page causes on its own.
    await ext.evaluate(() => chrome.storage.local.set({ disabledSites: ['mail.google.com'] }));
    const alone = await pageAlone(context);
    await ext.evaluate(() => chrome.storage.local.set({ disabledSites: [] }));

    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Performance.enable');
    await tab.goto(URL_INBOX, { waitUntil: 'domcontentloaded' });
    const scriptBefore = await scriptDuration(cdp);
    const dcl = await tab.evaluate(() => performance.getEntriesByType('navigation')[0]!.toJSON().domContentLoadedEventEnd as number);
    await tab.waitForFunction((tag) => document.querySelector(tag) !== null, BADGE_TAG, { timeout: 60_000, polling: 'raf' });
    const first = await tab.evaluate(() => performance.now());
    await tab.waitForFunction(([tag, n]) => document.querySelectorAll(tag as string).length >= (n as number), [BADGE_TAG, ROWS] as const, { timeout: 60_000, polling: 'raf' });
    const done = await tab.evaluate(() => performance.now());
    const scriptFirst = (await scriptDuration(cdp)) - scriptBefore;
    await tab.waitForTimeout(500); // the rendering after the last badge lands in the load phase's long tasks

    const growAt = await tab.evaluate(() => performance.now());
    const growStart = await tab.evaluate(([html, tag]) => {
      const t0 = performance.now();
      document.getElementById('rows')!.insertAdjacentHTML('beforeend', html);
      (window as unknown as { __t0: number }).__t0 = t0;
      return document.querySelectorAll(tag).length;
    }, [growthRows, BADGE_TAG] as const);
    await tab.waitForFunction(([tag, n]) => document.querySelectorAll(tag as string).length >= (n as number), [BADGE_TAG, growStart + GROWTH] as const, { timeout: 60_000, polling: 'raf' });
    const growth = await tab.evaluate(() => performance.now() - (window as unknown as { __t0: number }).__t0);
    const scriptTotal = (await scriptDuration(cdp)) - scriptBefore;
    await tab.waitForTimeout(500);
    const withBadges = split(await longTasks(tab), growAt);

    // The scans against a bare TreeWalker pass over the same DOM, in the page, same run: on the inbox (addresses
    // in attributes, as Gmail has them) and on the same rows showing the addresses as text.
    const adapters = await adapterBundle();
    await tab.addScriptTag({ content: adapters });
    const scan = await tab.evaluate(compareScans, SCAN_ROUNDS);
    const plain = await context.newPage();
    await plain.goto(URL_TEXT);
    await plain.addScriptTag({ content: adapters });
    const textScan = await plain.evaluate(compareScans, SCAN_ROUNDS);
    await plain.close();

    // Lookup round trips from an extension page, through the real background.
    const emails = Array.from({ length: 500 }, (_, i) => sender(i * 3));
    const lookup = () => ext.evaluate(async (list) => {
      const t0 = performance.now();
      const reply = await chrome.runtime.sendMessage({ type: 'lookup', payload: { emails: list, domains: [], names: [] } });
      if (!reply?.ok) throw new Error(`lookup failed: ${JSON.stringify(reply)}`);
      return performance.now() - t0;
    }, emails);
    await lookup();
    const warm: number[] = [];
    for (let i = 0; i < 15; i++) warm.push(await lookup());
    const cold: number[] = [];
    const extCdp = await context.newCDPSession(ext);
    for (let i = 0; i < 5; i++) {
      await extCdp.send('ServiceWorker.enable');
      await extCdp.send('ServiceWorker.stopAllWorkers');
      await ext.waitForTimeout(300);
      cold.push(await lookup());
    }

    const sizes = readdirSync(`${CHROME_BUILD}/content-scripts`).filter((f) => f.endsWith('.js')).map((f) => {
      const gz = gzipSync(readFileSync(`${CHROME_BUILD}/content-scripts/${f}`), { level: 9 }).length;
      return `${f} ${(gz / 1024).toFixed(1)} KB gzip`;
    });

    console.log(`page: ${ROWS} rows, ${SENDERS} distinct senders, Gmail adapter at ${URL_INBOX}`);
    console.log(`  first badge ${fmt(first - dcl)}, all ${ROWS} badges ${fmt(done - dcl)} after DOMContentLoaded (content scripts run at document_idle)   target ≤ 150 ms`);
    console.log(`  +${GROWTH} rows → their badges in ${fmt(growth)}`);
    console.log(`  script time on the page's main thread (the page itself runs none): ${fmt(scriptFirst)} first render, ${fmt(scriptTotal)} including growth`);
    console.log(`  long tasks over 50 ms (target 0): load ${describe(withBadges.load)}, growth ${describe(withBadges.growth)}`);
    console.log(`    the same page with Healthmark off for it: load ${describe(alone.tasks.load)}, growth ${describe(alone.tasks.growth)}`);
    console.log(`    one element inserted into this table costs a relayout of ${fmt(alone.relayout)} (median of 5): every frame that changes the table is that long, whoever changes it`);
    for (const [name, s] of [['inbox', scan], ['same rows, addresses as text', textScan]] as const) {
      console.log(`  scan of the whole page, ${name} (median of ${SCAN_ROUNDS} interleaved rounds): gmail ${fmt(s.gmail)} (${s.gmailFound} customers), generic ${fmt(s.generic)} (${s.genericFound}); bare TreeWalker ${fmt(s.walker)} (${s.nodes} nodes)`);
      console.log(`    ratio to the TreeWalker baseline: gmail ${(s.gmail / s.walker).toFixed(2)}×, generic ${(s.generic / s.walker).toFixed(2)}×   target ≤ 3`);
    }
    console.log(`lookup of 500 identities: warm median ${fmt(median(warm))} (target ≤ 10 ms), freshly started worker median ${fmt(median(cold))} (target ≤ 300 ms)`);
    console.log(`content scripts: ${sizes.join(', ')}   budget 30 KB`);
  } finally {
    await session.close();
  }
}

const SCAN_ROUNDS = 15;

type LongTask = { start: number; duration: number };
const longTasks = (tab: Page) => tab.evaluate(() => (window as unknown as { __longTasks: LongTask[] }).__longTasks);
const split = (tasks: LongTask[], at: number) => ({
  load: tasks.filter((t) => t.start < at && t.duration > 50).map((t) => t.duration),
  growth: tasks.filter((t) => t.start >= at && t.duration > 50).map((t) => t.duration),
});
const describe = (over50: number[]) => (over50.length ? `${over50.length} (${over50.map((d) => d.toFixed(0)).join(', ')} ms)` : '0');

/** The inbox with Healthmark off for the site: its own long tasks loading and growing, and one relayout's cost. */
async function pageAlone(context: BrowserContext) {
  const tab = await context.newPage();
  await tab.goto(URL_INBOX, { waitUntil: 'load' });
  await tab.waitForTimeout(1500);
  const growAt = await tab.evaluate(() => performance.now());
  await tab.evaluate((html) => document.getElementById('rows')!.insertAdjacentHTML('beforeend', html), growthRows);
  await tab.waitForTimeout(1500);
  const tasks = split(await longTasks(tab), growAt);
  const relayout = await tab.evaluate(() => {
    const cell = document.querySelector('#rows td')!;
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      void document.body.offsetHeight;
      const mark = cell.appendChild(document.createElement('b'));
      const t0 = performance.now();
      void document.body.offsetHeight;
      runs.push(performance.now() - t0);
      mark.remove();
    }
    return runs.sort((a, b) => a - b)[2]!;
  });
  await tab.close();
  return { tasks, relayout };
}

/** In the page: gmail and generic scans and a bare TreeWalker over the same DOM, interleaved so GC and wrapper
 * creation fall on all three alike; medians. */
function compareScans(rounds: number) {
  type Scan = { scan(r: ParentNode): unknown[] };
  const hm = (window as unknown as { HM: { SITE_ADAPTERS: (Scan & { id: string })[]; generic: Scan } }).HM;
  const gmail = hm.SITE_ADAPTERS.find((a) => a.id === 'gmail')!;
  const walker = () => {
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    let n = 0;
    while (w.nextNode()) n++;
    return n;
  };
  const runs = { walker: [] as number[], gmail: [] as number[], generic: [] as number[] };
  const fns = { walker, gmail: () => gmail.scan(document), generic: () => hm.generic.scan(document) };
  for (let round = 0; round < rounds; round++) {
    for (const key of ['walker', 'gmail', 'generic'] as const) {
      const t0 = performance.now();
      fns[key]();
      runs[key].push(performance.now() - t0);
    }
  }
  const mid = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return {
    walker: mid(runs.walker), gmail: mid(runs.gmail), generic: mid(runs.generic),
    nodes: walker(), gmailFound: gmail.scan(document).length, genericFound: hm.generic.scan(document).length,
  };
}

async function scriptDuration(cdp: { send(method: 'Performance.getMetrics'): Promise<{ metrics: { name: string; value: number }[] }> }): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
