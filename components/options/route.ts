// Hash routes of the options page: `#/scoring`, `#/accounts`, `#/accounts/<id>`, `#/privacy`, so a link (from a
// badge's card, the popup or a bookmark) opens a tab or an account. `#/scoring/backtest` opens a view inside a tab;
// `#/accounts?changed` opens a tab with a filter set (the popup's "see all changes").
import { useEffect, useState } from 'preact/hooks';

export interface Route {
  tab: string;
  /** The item inside the tab (an account id), when the route names one. */
  id: string | null;
  /** `?name=value&flag` after the path: a tab's initial settings. */
  query: Record<string, string>;
}

function decode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null; // a malformed escape in a hand-typed link
  }
}

/** The route a hash names; an unknown or empty hash opens the first tab. */
export function parseRoute(hash: string, tabs: readonly string[]): Route {
  const [path = '', search = ''] = hash.replace(/^#\/?/, '').split('?');
  const [tab = '', id] = path.split('/');
  const known = tabs.includes(tab) ? tab : (tabs[0] ?? '');
  const query = known === tab ? Object.fromEntries(new URLSearchParams(search)) : {};
  return { tab: known, id: known === tab && id ? decode(id) : null, query };
}

export function routeHash(tab: string, id?: string | null, query?: Record<string, string>): string {
  const search = query && Object.keys(query).length ? `?${new URLSearchParams(query).toString().replace(/=(&|$)/g, '$1')}` : '';
  return `#/${tab}${id ? `/${encodeURIComponent(id)}` : ''}${search}`;
}

/** The route of the URL hash, kept current (the one hashchange listener of the page). */
export function useRoute(tabs: readonly string[]): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash, tabs));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash, tabs));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return route;
}
