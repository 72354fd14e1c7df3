import { defineConfig } from '@playwright/test';

// Each test starts its own browser with the built extension (see lib/dev/launch.ts); one worker keeps the two
// cores of these machines for the browser under test.
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  workers: 1,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  outputDir: '../../test-results',
});
