// npm links the bins of dependencies, not the project's own: this makes `npx healthmark` work in a checkout
// right after `npm install` (run from postinstall).
import { chmodSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';

mkdirSync('node_modules/.bin', { recursive: true });
rmSync('node_modules/.bin/healthmark', { force: true });
symlinkSync('../../lib/cli/healthmark.mjs', 'node_modules/.bin/healthmark');
chmodSync('lib/cli/healthmark.mjs', 0o755);
