// The what-if result: tier distribution before and after, and the accounts that change tier (largest score
// change first), each a link to the account.
import { plural, t } from '../../lib/i18n';
import type { TierMove, WhatIfResult } from '../../lib/data/whatif';
import { TierBar } from '../TierBar';
import { routeHash } from './route';

const SHOWN_MOVES = 100;

function TierName({ tier }: { tier: TierMove['from'] }) {
  return tier ? <span class="tier-name"><i style={{ background: tier.color }} />{tier.label}</span> : <span class="muted">{t('popupInsufficient')}</span>;
}

export function WhatIfView({ result }: { result: WhatIfResult }) {
  const { before, after, moves } = result;
  return (
    <div class="whatif" data-testid="whatif">
      <div class="whatif-bars">
        <div data-testid="whatif-before">
          <h4>{t('whatIfBefore')}</h4>
          <TierBar tiers={before.tiers} insufficient={before.insufficient} insufficientLabel={t('popupInsufficient')} />
        </div>
        <div data-testid="whatif-after">
          <h4>{t('whatIfAfter')}</h4>
          <TierBar tiers={after.tiers} insufficient={after.insufficient} insufficientLabel={t('popupInsufficient')} />
        </div>
      </div>
      <h4 data-testid="whatif-moves-count">{plural(moves.length, 'whatIfMovesOne', 'whatIfMoves')}</h4>
      {moves.length ? (
        <table class="moves">
          <thead>
            <tr><th scope="col">{t('accountsColName')}</th><th scope="col">{t('whatIfTierChange')}</th><th scope="col">{t('whatIfScoreChange')}</th></tr>
          </thead>
          <tbody>
            {moves.slice(0, SHOWN_MOVES).map((m) => (
              <tr key={m.accountId} data-account-id={m.accountId}>
                <th scope="row"><a href={routeHash('accounts', m.accountId)}>{m.name}</a></th>
                <td><TierName tier={m.from} /> <span aria-label={t('whatIfTo')}>→</span> <TierName tier={m.to} /></td>
                <td class="num">
                  {m.scoreBefore ?? '–'} → {m.scoreAfter ?? '–'}
                  {m.delta !== null && m.delta !== 0 ? <span class={m.delta > 0 ? 'delta-up' : 'delta-down'}> ({m.delta > 0 ? '+' : ''}{m.delta})</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {moves.length > SHOWN_MOVES ? <p class="muted">{t('whatIfMore', (moves.length - SHOWN_MOVES).toLocaleString())}</p> : null}
    </div>
  );
}
