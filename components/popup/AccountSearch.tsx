// The popup's account search: name, email or domain → the account's card, or a short list to pick from when
// several match. Queries use the indexes with a limit (lib/data/search), so the popup stays fast at 100k accounts.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { openDb } from '../../lib/data/db';
import { searchAccounts } from '../../lib/data/search';
import { t } from '../../lib/i18n';
import type { AccountSummary } from '../../lib/messaging';
import { CARD_PAGE_STYLE } from '../CardStyles';
import { ScoreCard } from '../ScoreCard';
import { ScorePill } from '../ScorePill';

const db = openDb();
const DEBOUNCE_MS = 120;

const STYLE = `${CARD_PAGE_STYLE}
.search { margin: 12px 0 0; font-size: 13px; }
.search label { display: block; font-size: 12px; font-weight: 600; color: var(--muted); margin-bottom: 3px; }
.search input { width: 100%; box-sizing: border-box; font: inherit; padding: 6px 8px; border-radius: 6px; border: 1px solid var(--line); background: var(--bg); color: var(--fg); }
.search input:focus-visible, .search button:focus-visible { outline: 2px solid var(--card-link); outline-offset: 1px; }
.results { list-style: none; margin: 6px 0 0; padding: 0; }
.results button { all: unset; box-sizing: border-box; width: 100%; display: flex; gap: 8px; align-items: center; padding: 4px 6px; border-radius: 6px; cursor: pointer; }
.results button:hover, .results button[aria-pressed="true"] { background: var(--line); }
.results .pill { min-width: 28px; text-align: center; font-weight: 700; border-radius: 5px; padding: 0 4px; }
.search .card { margin-top: 8px; padding: 10px 2px; border: 0; border-top: 1px solid var(--line); border-radius: 0; background: transparent; }
.search .none { color: var(--muted); margin: 6px 0 0; }
.search .card h2 { text-transform: none; letter-spacing: normal; color: var(--card-fg); font-size: 15px; margin: 0 0 6px; }`;

const openAccount = (accountId: string) =>
  void browser.tabs.create({ url: browser.runtime.getURL(`/options.html#/accounts/${encodeURIComponent(accountId)}`) });

export function AccountSearch() {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<AccountSummary[] | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  useEffect(() => {
    if (!query.trim()) return setResults(null);
    let current = true;
    const timer = setTimeout(() => {
      searchAccounts(db, query).then((found) => {
        if (!current) return;
        setResults(found);
        setPicked(found[0]?.accountId ?? null);
      }, () => current && setResults([]));
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);
  const shown = results?.find((r) => r.accountId === picked) ?? null;
  return (
    <section class="search" role="search">
      <style>{STYLE}</style>
      <label for="account-search">{t('searchLabel')}</label>
      <input id="account-search" type="search" autoComplete="off" placeholder={t('searchPlaceholder')} value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      {/* One live region, present before any result, so a screen reader hears each new count. */}
      <p class={results?.length === 0 ? 'none' : 'visually-hidden'} role="status">
        {results === null ? '' : results.length === 0 ? t('searchNone') : t('searchResults', results.length)}
      </p>
      {results && results.length > 1 ? (
        <ul class="results" aria-label={t('searchResults', results.length)} data-testid="search-results">
          {results.map((r) => (
            <li key={r.accountId}>
              <button type="button" aria-pressed={r.accountId === picked} onClick={() => setPicked(r.accountId)}>
                <ScorePill score={r.score} tier={r.tier} />
                <span>{r.name}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {shown ? <ScoreCard summary={shown} onOpenAccount={() => openAccount(shown.accountId)} /> : null}
    </section>
  );
}
