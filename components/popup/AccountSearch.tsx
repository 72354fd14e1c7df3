// The popup's account search: name, email or domain → the account's card, or a short list to pick from when
// several match. Queries use the indexes with a limit (lib/data/search), so the popup stays fast at 100k accounts.
// Styles: entrypoints/popup/popup.css.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { searchAccounts } from '../../lib/data/search';
import { plural, t } from '../../lib/i18n';
import type { AccountSummary } from '../../lib/messaging';
import { ScoreCard } from '../ScoreCard';
import { ScorePill } from '../ScorePill';
import { db } from './popup-db';

const DEBOUNCE_MS = 120;

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
      <label for="account-search">{t('searchLabel')}</label>
      <input id="account-search" type="search" autoComplete="off" placeholder={t('searchPlaceholder')} value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      {/* One live region, present before any result, so a screen reader hears each new count. */}
      <p class={results?.length === 0 ? 'none' : 'visually-hidden'} role="status">
        {results === null ? '' : results.length === 0 ? t('searchNone') : plural(results.length, 'searchResultsOne', 'searchResults')}
      </p>
      {results && results.length > 1 ? (
        <ul class="results" aria-label={plural(results.length, 'searchResultsOne', 'searchResults')} data-testid="search-results">
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
