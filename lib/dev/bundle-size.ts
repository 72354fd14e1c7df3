// Prints the gzip size of every content script in a build and checks the 30 KB budget
// (see ../shared/ARCHITECTURE.md): content scripts run in every matching tab, so they stay small.
// Usage: tsx lib/dev/bundle-size.ts <build dir under .output>
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 30 * 1024;
const dir = join(process.env.HEALTHMARK_OUT ?? '.output', process.argv[2] ?? 'chrome-mv3', 'content-scripts');
let over = false;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.js')).sort()) {
  const raw = readFileSync(join(dir, file));
  const gz = gzipSync(raw, { level: 9 }).length;
  over ||= gz > BUDGET;
  console.log(`content script ${file}: ${(raw.length / 1024).toFixed(1)} KB, ${(gz / 1024).toFixed(1)} KB gzip (budget ${BUDGET / 1024} KB)${gz > BUDGET ? '  OVER BUDGET' : ''}`);
}
if (over) process.exit(1);
