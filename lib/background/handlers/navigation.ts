// Opening extension pages on behalf of content scripts.
import { browser } from 'wxt/browser';
import type { HandlerGroup } from './types';

export function navigationHandlers(): HandlerGroup<'openAccount'> {
  return {
    openAccount: async ({ accountId }) => {
      const url = browser.runtime.getURL('/options.html' as '/popup.html') + `#/accounts/${encodeURIComponent(accountId)}`;
      await browser.tabs.create({ url });
      return null;
    },
  };
}
