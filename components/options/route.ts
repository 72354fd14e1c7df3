// Hash routes of the options page: `#/scoring`, `#/accounts`, `#/accounts/<id>`, `#/privacy`, so a link (from a
// badge's card, the popup or a bookmark) opens a tab or an account. `#/scoring/backtest` opens a view inside a tab.
import { useEffect, useState } from 'preact/hooks';

export interface Route {
  tab: string;
  /** The item inside the tab (an account id), when the route names one. */
  id: string | null;
}

/** The route a hash names; an unknown or empty hash opens the first tab. */
export function parseRoute(hash: string, tabs: readonly string[]): Route {
  const [tab = '', id] = hash.replace(/^#\/?/, '').split('/');
  const known = tabs.includes(tab) ? tab : (tabs[0] ?? '');
  let decoded: string | null = null;
  try {
    decoded = known === tab && id ? decodeURIComponent(id) : null;
  } catch {
    decoded = null; // a malformed escape in a hand-typed link
  }
  return { tab: known, id: decoded };
}

export function routeHash(tab: string, id?: string | null): string {
  return `#/${tab}${id ? `/${encodeURIComponent(id)}` : ''}`;
}

/** The URL hash, kept current: views inside a tab (Scoring → Backtest) follow it. */
export function useHash(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const onHash = () => setHash(location.hash);
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return hash;
}
