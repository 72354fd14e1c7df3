// The changes the last update brought (a sync or an import): accounts whose tier got worse or whose score
// dropped, each opening the account, how many there are, and a link to all of them in the options page.
import { browser } from 'wxt/browser';
import type { ChangesFeed as Feed } from '../../lib/data/changes';
import { changeText } from '../../lib/data/change-text';
import { plural, t } from '../../lib/i18n';

export const SHOWN_CHANGES = 5;

const optionsUrl = (hash: string) => browser.runtime.getURL(`/options.html${hash}` as '/options.html');

export function ChangesFeed({ feed }: { feed: Feed }) {
  if (feed.total === 0) return null;
  return (
    <section class="changes" aria-labelledby="changes-heading" data-testid="changes-feed">
      <h2 id="changes-heading">{t('popupChangesHeading')}</h2>
      <p class="hint" data-testid="changes-count">{plural(feed.total, 'popupChangesCountOne', 'popupChangesCount')}</p>
      <ul>
        {feed.changes.map((c) => (
          <li key={c.id}>
            <a href={optionsUrl(`#/accounts/${encodeURIComponent(c.accountId)}`)} target="_blank" rel="noreferrer">{c.name}</a>{' '}
            <span class="muted">{changeText(c)}</span>
          </li>
        ))}
      </ul>
      {feed.total > feed.changes.length ? (
        <p class="see-all">
          <a href={optionsUrl('#/accounts?changed')} target="_blank" rel="noreferrer" data-testid="changes-see-all">
            {plural(feed.total, 'popupChangesSeeAllOne', 'popupChangesSeeAll')}
          </a>
        </p>
      ) : null}
    </section>
  );
}
