// The card's explanation in the reader's language: drivers ("Active seats: 26% (−6 points)"), the next step up
// ("Weekly logins: raise from 2 to 5 logins") and the values in them. lib/scoring, shared with the command line,
// gives the values; the words are here, through browser.i18n.
import { t } from '../lib/i18n';
import type { DriverSummary, NextStepSummary } from '../lib/messaging';
import type { ShownValue } from '../lib/scoring/types';

const NEXT_STEP = { record: 'nextStepRecord', change: 'nextStepChange', move: 'nextStepMove', raise: 'nextStepRaise', lower: 'nextStepLower' } as const;

export function valueText(v: ShownValue | DriverSummary['shown']): string {
  switch (v.kind) {
    case 'none':
      return t('valueNone');
    case 'missing':
      return t('valueMissingCounted', v.counted.toLocaleString());
    case 'boolean':
      return t(v.value ? 'valueYes' : 'valueNo');
    case 'text':
      return v.value;
    case 'days':
      return t(Math.abs(v.value) === 1 ? 'countDaysOne' : 'countDays', v.value.toLocaleString());
    case 'number': {
      const n = v.value.toLocaleString();
      return v.unit === '' ? n : v.unit === '%' ? `${n}%` : `${n} ${v.unit.trim()}`;
    }
  }
}

export function driverText(d: DriverSummary): string {
  const points = `${d.points > 0 ? '+' : ''}${d.points.toLocaleString()}`;
  return t('cardDriver', d.label, valueText(d.shown), t(Math.abs(d.points) === 1 ? 'countPointsOne' : 'countPoints', points));
}

export function nextStepText(n: NextStepSummary): string {
  return t(NEXT_STEP[n.verb], n.label, valueText(n.fromShown), valueText(n.toShown));
}
