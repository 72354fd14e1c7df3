// Config parts in words for the readable view: rules ("renewal_date in days from now ≥ 0, ≤ 60"), scoring
// functions ("< 1 → 0 · < 3 → 30 · otherwise → 100") and where a config version came from.
import { t } from '../../lib/i18n';
import type { Condition, Measure, ScoringConfig } from '../../lib/scoring/schema';

function rangeText(r: NonNullable<Condition['range']>): string {
  const parts: string[] = [];
  if (r.min !== undefined) parts.push(`${r.minInclusive ? '≥' : '>'} ${r.min}`);
  if (r.max !== undefined) parts.push(`${r.maxInclusive ? '≤' : '<'} ${r.max}`);
  return parts.join(', ');
}

export function conditionText(c: Condition, config: ScoringConfig): string {
  const metric = c.metric ? (config.metrics.find((m) => m.key === c.metric)?.label ?? c.metric) : null;
  const attribute = c.attribute ?? '';
  const subject = c.score ? t('ruleScore') : metric ?? (c.as === 'daysUntil' ? t('ruleDaysUntil', attribute) : c.as === 'daysSince' ? t('ruleDaysSince', attribute) : attribute);
  if (c.equals !== undefined) return t('ruleEquals', subject, JSON.stringify(c.equals));
  if (c.in !== undefined) return t('ruleIn', subject, c.in.map((v) => JSON.stringify(v)).join(', '));
  if (c.range !== undefined) return `${subject} ${rangeText(c.range)}`;
  if (c.pattern !== undefined) return t('ruleMatches', subject, c.pattern);
  return c.exists ? t('ruleExists', subject) : t('ruleMissing', subject);
}

export function rulesText(conditions: readonly Condition[], config: ScoringConfig): string {
  return conditions.map((c) => conditionText(c, config)).join(t('ruleAnd'));
}

export function measureText(m: Measure): string {
  switch (m.type) {
    case 'bands':
      return m.bands.map((b) => `${b.lt !== undefined ? `< ${b.lt}` : b.lte !== undefined ? `≤ ${b.lte}` : t('measureOtherwise')} → ${b.value}`).join(' · ');
    case 'linear':
      return t(m.invert ? 'measureLinearInverted' : 'measureLinear', m.min, m.max);
    case 'boolean':
      return t('measureBoolean', m.ifTrue, m.ifFalse);
    case 'category':
      return [...Object.entries(m.map).map(([k, v]) => `${k} → ${v}`), ...(m.otherwise !== undefined ? [`${t('measureOtherwise')} → ${m.otherwise}`] : [])].join(' · ');
    case 'points':
      return t('measurePoints', m.perUnit, m.neutral);
  }
}

/** `editor`, `preset:default`, `restored:3`, a source URL… in words. */
export function sourceText(source: string): string {
  const [kind, rest] = [source.slice(0, source.indexOf(':')), source.slice(source.indexOf(':') + 1)];
  if (source === 'editor') return t('sourceEditor');
  if (kind === 'preset') return t('sourcePreset', rest);
  if (kind === 'restored') return t('sourceRestored', rest);
  return source;
}
