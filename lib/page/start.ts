// Wires the page runner to the background and the badge renderer: what every <site>.content.ts calls.
import { mountBadge } from '../../components/Badge';
import { sendToBackground } from '../messaging';
import type { SiteAdapter } from '../sites/types';
import { type Runner, startRunner } from './runner';
import { pageTheme } from './theme';

export function runOnPage(adapters: SiteAdapter[], signal: AbortSignal): Runner {
  let theme: 'light' | 'dark' | null = null;
  return startRunner({
    adapters,
    lookup: (request) => sendToBackground('lookup', request),
    render: (host, summary) => {
      if (!theme) {
        theme = pageTheme(document);
        queueMicrotask(() => (theme = null)); // read once per batch of badges
      }
      mountBadge(host, { summary, theme });
    },
    signal,
  });
}
