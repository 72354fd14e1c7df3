// Churn rate per tier as a bar chart: one bar per tier in its colour, its rate above it and its account count
// below, on a labelled churn-rate axis with a dashed line at the overall rate. The table next to it holds the same
// figures for screen readers, so the chart is hidden from them. Colours come from the page's variables (light and
// dark); each bar has an outline so a pale tier colour still stands out from the panel.
import type { TierChurn } from '../../../lib/data/backtest';
import { t } from '../../../lib/i18n';
import { churnAxis, overallChurnRate, percent } from './view-helpers';

const WIDTH = 640;
const HEIGHT = 220;
const PLOT = { left: 48, right: 12, top: 22, bottom: 46 };
const plotWidth = WIDTH - PLOT.left - PLOT.right;
const plotHeight = HEIGHT - PLOT.top - PLOT.bottom;

export function TierChart({ tiers, colors }: { tiers: TierChurn[]; colors: ReadonlyMap<string, string> }) {
  const overall = overallChurnRate(tiers);
  const axis = churnAxis(tiers, overall);
  const y = (rate: number) => PLOT.top + plotHeight * (1 - rate / axis.top);
  const slot = plotWidth / Math.max(1, tiers.length);
  const barWidth = Math.min(88, slot * 0.6);
  return (
    <figure class="bt-chart" aria-hidden="true" data-testid="backtest-tier-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} focusable="false">
        {axis.ticks.map((tick) => (
          <g key={tick} class="bt-chart-grid">
            <line x1={PLOT.left} x2={WIDTH - PLOT.right} y1={y(tick)} y2={y(tick)} />
            <text x={PLOT.left - 6} y={y(tick)} text-anchor="end" dominant-baseline="middle">{`${Math.round(tick * 1000) / 10}%`}</text>
          </g>
        ))}
        {tiers.map((tier, i) => {
          const x = PLOT.left + slot * i + (slot - barWidth) / 2;
          const top = y(axis.top * axis.bars[i]!);
          return (
            <g key={tier.key} data-tier={tier.key}>
              <rect class="bt-chart-bar" x={x} y={top} width={barWidth} height={PLOT.top + plotHeight - top} fill={colors.get(tier.key) ?? 'var(--muted)'} />
              <text class="bt-chart-value" x={x + barWidth / 2} y={top - 6} text-anchor="middle">{percent(tier.churnRate)}</text>
              <text class="bt-chart-label" x={x + barWidth / 2} y={HEIGHT - PLOT.bottom + 18} text-anchor="middle">{tier.label}</text>
              <text class="bt-chart-count" x={x + barWidth / 2} y={HEIGHT - PLOT.bottom + 34} text-anchor="middle">
                {t('backtestChartCount', tier.churned.toLocaleString(), tier.accounts.toLocaleString())}
              </text>
            </g>
          );
        })}
        {overall !== null ? (
          <g class="bt-chart-overall">
            <line x1={PLOT.left} x2={WIDTH - PLOT.right} y1={y(overall)} y2={y(overall)} />
            <text x={WIDTH - PLOT.right} y={y(overall) - 5} text-anchor="end">{t('backtestChartOverall', percent(overall))}</text>
          </g>
        ) : null}
      </svg>
    </figure>
  );
}
