// npm run bench:page — the page runner in real Chromium with the built extension (run `npm run build` first).
// A generated Gmail inbox (5,000 rows, 2,000 distinct senders of demo companies) served at mail.google.com, then
// grown by 1,000 rows. Prints: injection → all badges, script time on the page's main thread, long tasks over
// 50 ms, the content scripts' gzip size, the adapter scan against a bare TreeWalker pass over the same DOM
// (measured in the same run), and lookup round trips of 500 identities, warm and with a freshly started worker.
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
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
const row = (i: number) =>
  `<tr class="zA yO" role="row"><td class="yX xY"><div class="yW"><span class="yP" email="${sender(i)}" name="Person ${i % SENDERS}">Person ${i % SENDERS}</span></div></td><td class="xY a4W"><div class="xS"><div class="xT"><div class="y6"><span class="bog">Subject ${i}</span><span class="y2"> — snippet of message ${i}</span></div></div></div></td><td class="xW"><span title="Nov 1">Nov 1</span></td></tr>`;
const page = `<!doctype html><html><head><title>Inbox</title></head><body><div role="main"><div class="Cp"><table><tbody id="rows">${Array.from({ length: ROWS }, (_, i) => row(i)).join('')}</tbody></table></div></div></body></html>`;

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
    const tab = await context.newPage();
    await tab.addInitScript(() => {
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
    });
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Performance.enable');
    await tab.goto(URL_INBOX, { waitUntil: 'domcontentloaded' });
    const scriptBefore = await scriptDuration(cdp);
    const dcl = await tab.evaluate(() => performance.getEntriesByType('navigation')[0]!.toJSON().domContentLoadedEventEnd as number);
    await tab.waitForFunction(([tag, n]) => document.querySelectorAll(tag as string).length >= (n as number), [BADGE_TAG, ROWS] as const, { timeout: 60_000, polling: 'raf' });
    const done = await tab.evaluate(() => performance.now());
    const scriptFirst = (await scriptDuration(cdp)) - scriptBefore;

    const growStart = await tab.evaluate(([html, tag]) => {
      const t0 = performance.now();
      document.getElementById('rows')!.insertAdjacentHTML('beforeend', html);
      (window as unknown as { __t0: number }).__t0 = t0;
      return document.querySelectorAll(tag).length;
    }, [Array.from({ length: GROWTH }, (_, i) => row(ROWS + i)).join(''), BADGE_TAG] as const);
    await tab.waitForFunction(([tag, n]) => document.querySelectorAll(tag as string).length >= (n as number), [BADGE_TAG, growStart + GROWTH] as const, { timeout: 60_000, polling: 'raf' });
    const growth = await tab.evaluate(() => performance.now() - (window as unknown as { __t0: number }).__t0);
    const scriptTotal = (await scriptDuration(cdp)) - scriptBefore;
    const longTasks = await tab.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);

    // The scan itself against a bare TreeWalker pass over the same DOM, in the page, same run.
    await tab.addScriptTag({ content: await adapterBundle() });
    const scan = await tab.evaluate(() => {
      const hm = (window as unknown as { HM: { SITE_ADAPTERS: { id: string; scan(r: ParentNode): unknown[] }[]; generic: { scan(r: ParentNode): unknown[] } } }).HM;
      const gmail = hm.SITE_ADAPTERS.find((a) => a.id === 'gmail')!;
      const time = (fn: () => unknown) => {
        const runs: number[] = [];
        for (let i = 0; i < 7; i++) {
          const t0 = performance.now();
          fn();
          runs.push(performance.now() - t0);
        }
        return runs.sort((a, b) => a - b)[3]!;
      };
      const walker = () => {
        const w = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
        let n = 0;
        while (w.nextNode()) n++;
        return n;
      };
      return { walker: time(walker), gmail: time(() => gmail.scan(document)), generic: time(() => hm.generic.scan(document)), found: gmail.scan(document).length };
    });

    // Lookup round trips from an extension page, through the real background.
    const ext = await context.newPage();
    await ext.goto(`chrome-extension://${extensionId}/popup.html`);
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

    const over50 = longTasks.filter((d) => d > 50);
    console.log(`page: ${ROWS} rows, ${SENDERS} distinct senders, Gmail adapter at ${URL_INBOX}`);
    console.log(`  all ${ROWS} badges rendered ${fmt(done - dcl)} after DOMContentLoaded (content scripts run at document_idle)   target ≤ 150 ms`);
    console.log(`  +${GROWTH} rows → their badges in ${fmt(growth)}`);
    console.log(`  script time on the page's main thread (the page itself runs none): ${fmt(scriptFirst)} first render, ${fmt(scriptTotal)} including growth`);
    console.log(`  long tasks: ${longTasks.length} in all, ${over50.length} over 50 ms${over50.length ? ` (${over50.map((d) => d.toFixed(0)).join(', ')} ms)` : ''}   target 0`);
    console.log(`  scan of the whole page (median of 7): gmail ${fmt(scan.gmail)} (${scan.found} customers), generic ${fmt(scan.generic)}; bare TreeWalker ${fmt(scan.walker)}`);
    console.log(`  ratio to the TreeWalker baseline: gmail ${(scan.gmail / scan.walker).toFixed(2)}×, generic ${(scan.generic / scan.walker).toFixed(2)}×   target ≤ 3`);
    console.log(`lookup of 500 identities: warm median ${fmt(median(warm))} (target ≤ 10 ms), freshly started worker median ${fmt(median(cold))} (target ≤ 300 ms)`);
    console.log(`content scripts: ${sizes.join(', ')}   budget 30 KB`);
  } finally {
    await session.close();
  }
}

async function scriptDuration(cdp: { send(method: 'Performance.getMetrics'): Promise<{ metrics: { name: string; value: number }[] }> }): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
