import { defineConfig } from 'wxt';

export const GECKO_ID = 'healthmark@healthmark.dev';

// See ../shared/ARCHITECTURE.md and docs/architecture.md for the data flow this wires up.
export default defineConfig({
  // HEALTHMARK_OUT lets parallel runs (a benchmark while tests build) use separate build folders.
  outDir: process.env.HEALTHMARK_OUT ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'unlimitedStorage', 'scripting', 'notifications'],
    host_permissions: ['http://localhost/*', 'http://127.0.0.1/*'],
    // Sites the user adds in the options (a self-hosted helpdesk) are asked for one origin at a time.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: '__MSG_extName__' },
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    ...(browser === 'firefox'
      ? {
          // 140 is the current ESR; Firefox for Android reads data_collection_permissions only from 142.
          browser_specific_settings: {
            gecko: { id: GECKO_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    build: { target: 'es2022' },
  }),
  zip: {
    artifactTemplate: 'healthmark-{{version}}-{{browser}}.zip',
    sourcesTemplate: 'healthmark-{{version}}-sources.zip',
    excludeSources: ['screenshots/**', 'test-results/**', 'playwright-report/**', '.tmp/**'],
  },
});
