// An account's attributes as the account view lists them. The config names metrics but not attributes, so keys
// become labels by rule ("renewal_date" → "Renewal date", "arr" → "ARR"); values read as numbers and yes/no.
import { t } from '../../lib/i18n';
import type { AttributeValue } from '../../lib/scoring/types';

/** Abbreviations customer teams use as attribute names, shown in capitals. */
const ABBREVIATIONS = new Set(['acv', 'api', 'arr', 'crm', 'csm', 'id', 'mrr', 'nps', 'sla', 'url']);

export function attributeLabel(key: string): string {
  const words = key.split(/[\s_-]+|(?<=[a-z0-9])(?=[A-Z])/).filter(Boolean);
  return words
    .map((word, i) => {
      const lower = word.toLowerCase();
      if (ABBREVIATIONS.has(lower)) return lower.toUpperCase();
      return i === 0 ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower;
    })
    .join(' ');
}

export function attributeValue(value: AttributeValue): string {
  if (value === null || value === '') return '–';
  if (typeof value === 'number') return value.toLocaleString();
  if (typeof value === 'boolean') return t(value ? 'valueYes' : 'valueNo');
  return value;
}
