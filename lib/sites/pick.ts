// Which host-app adapter serves a URL (the one content script for known apps carries them all: they are data).
import { MatchPattern } from 'wxt/utils/match-patterns';
import { SITE_ADAPTERS } from './index';
import type { SiteAdapter } from './types';

const compiled = SITE_ADAPTERS.map((adapter) => ({ adapter, patterns: adapter.matches.map((m) => new MatchPattern(m)) }));

export function adapterFor(url: string): SiteAdapter | null {
  return compiled.find(({ patterns }) => patterns.some((p) => p.includes(url)))?.adapter ?? null;
}

/** Every known host app's match patterns, for the manifest. */
export const SITE_MATCHES: string[] = [...new Set(SITE_ADAPTERS.flatMap((a) => a.matches))];
