// Wires the page runner to the background and the badge renderer: what every <site>.content.ts calls.
import { mountBadge } from '../../components/Badge';
import { sendToBackground } from '../messaging';
import type { SiteAdapter } from '../sites/types';
import { type Runner, startRunner } from './runner';

export function runOnPage(adapters: SiteAdapter[], signal: AbortSignal): Runner {
  return startRunner({
    adapters,
    lookup: (request) => sendToBackground('lookup', request),
    render: mountBadge,
    signal,
  });
}
