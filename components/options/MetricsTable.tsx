// An account's metric values with the day each describes; a value older than its metric's maxAgeDays is marked
// stale (the engine counts it as missing). Values the config does not use are listed after the config's.
import { plural, t } from '../../lib/i18n';
import type { ScoringConfig } from '../../lib/scoring';
import type { MetricValues, ShownValue } from '../../lib/scoring/types';
import { valueText } from '../explain-text';
import { isoDay } from '../../lib/scoring/values';

export function isStale(asOf: string, maxAgeDays: number | undefined, today: string): boolean {
  return maxAgeDays !== undefined && isoDay(today) - isoDay(asOf.slice(0, 10)) > maxAgeDays;
}

/** A stored value as the card shows values (numbers in local format, `%` without a space, yes/no). */
function shown(value: number | string | boolean, unit: string | undefined): ShownValue {
  if (typeof value === 'number') return { kind: 'number', value, unit: unit ?? '' };
  return typeof value === 'boolean' ? { kind: 'boolean', value } : { kind: 'text', value };
}

export function MetricsTable({ metrics, config, today }: { metrics: MetricValues; config: ScoringConfig | null; today: string }) {
  const defs = config?.metrics ?? [];
  const known = new Set(defs.map((d) => d.key));
  const rows = [
    ...defs.map((d) => ({ key: d.key, label: d.label, unit: d.unit, maxAgeDays: d.maxAgeDays })),
    ...Object.keys(metrics).filter((k) => !known.has(k)).map((key) => ({ key, label: key, unit: undefined, maxAgeDays: undefined })),
  ];
  return (
    <table class="metrics">
      <thead>
        <tr><th scope="col">{t('metricsName')}</th><th scope="col">{t('metricsValue')}</th><th scope="col">{t('metricsAsOf')}</th></tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const m = metrics[r.key];
          const stale = m ? isStale(m.asOf, r.maxAgeDays, today) : false;
          return (
            <tr key={r.key} class={stale ? 'stale' : undefined}>
              <th scope="row">{r.label}</th>
              <td>{m && m.value !== null ? valueText(shown(m.value, r.unit)) : <span class="muted">{t('metricsMissing')}</span>}</td>
              <td>
                {m?.asOf ?? '–'}
                {stale ? <span class="chip chip-stale">{t('metricsStale', plural(r.maxAgeDays ?? 0, 'countDaysOne', 'countDays'))}</span> : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
