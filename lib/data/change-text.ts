// A stored change in the reader's language, from its kind and detail. Rows stored before changes carried their
// detail keep their English sentence.
import { plural, t } from '../i18n';
import type { ChangeRow } from './db';

export function changeText(c: ChangeRow): string {
  const d = c.detail;
  if (!d) return c.text;
  const tier = (label: string | null | undefined) => label ?? t('changeNoTier');
  switch (c.kind) {
    case 'drop':
      if (d.peak === undefined || d.days === undefined || typeof c.to !== 'number') return c.text;
      return t('changeDrop', plural(d.peak - c.to, 'countPointsOne', 'countPoints'), plural(d.days, 'countDaysOne', 'countDays'), d.peak, c.to);
    case 'tier':
      return t('changeTierWorse', tier(d.fromLabel), tier(d.toLabel));
    case 'config':
      return t('changeConfigTier', tier(d.fromLabel), tier(d.toLabel), d.config ?? '');
    case 'override':
      return d.author === undefined ? t('changeOverrideRemoved') : t('changeOverrideSet', d.author, d.reason ?? '');
  }
}
