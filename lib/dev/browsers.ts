// Finds the browsers the demo and the e2e tests drive. Never downloads one: an environment variable or the usual
// install locations, and otherwise a message saying exactly how to install one.
import { existsSync } from 'node:fs';

const CHROMIUM_PATHS = [
  '/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable', '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];
const FIREFOX_PATHS = ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/Applications/Firefox.app/Contents/MacOS/firefox'];

function find(envVar: string, paths: string[], howToInstall: string): string {
  const fromEnv = process.env[envVar];
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`${envVar} is set to ${fromEnv}, but no file exists there.`);
  }
  const found = paths.find((p) => existsSync(p));
  if (found) return found;
  throw new Error(`No browser found (looked at $${envVar} and ${paths.join(', ')}).\n${howToInstall}`);
}

export function findChromium(): string {
  return find(
    'CHROMIUM_PATH',
    CHROMIUM_PATHS,
    'Install Chromium, e.g. on Debian/Ubuntu: sudo apt-get install -y chromium\n' +
      'or point CHROMIUM_PATH at a Chromium or Chrome binary: CHROMIUM_PATH=/path/to/chrome npm run demo',
  );
}

export function findFirefox(): string {
  return find(
    'FIREFOX_PATH',
    FIREFOX_PATHS,
    'Install Firefox ESR, e.g. on Debian: sudo apt-get install -y firefox-esr\n' +
      'or point FIREFOX_PATH at a Firefox binary.',
  );
}
