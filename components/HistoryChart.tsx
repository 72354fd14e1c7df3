// An account's score over the last days as an SVG line, over faint tier bands. Days without a point are gaps in
// time, not zeros; points with no score (insufficient data) break the line. The drawing is as wide as its box in
// CSS pixels (not a scaled picture), so labels keep the page's text size and dots stay round at any width.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { dayNumber, isoDay } from '../lib/dates';
import { plural, t } from '../lib/i18n';
import type { HistoryPoint } from '../lib/scoring/types';

export interface ScoreBand {
  min: number;
  max: number;
  color: string;
  label: string;
}

export interface HistoryChartProps {
  points: HistoryPoint[];
  bands: ScoreBand[];
  /** Last day shown (YYYY-MM-DD). */
  today: string;
  days?: number;
}

/** Width before the box is measured. */
const START_WIDTH = 600;
const H = 200;
const LEFT = 30;
const BOTTOM = 22;
const TOP = 8;
const RIGHT = 8;

export function HistoryChart({ points, bands, today, days = 90 }: HistoryChartProps) {
  const box = useRef<HTMLElement>(null);
  const [W, setWidth] = useState(START_WIDTH);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => el.clientWidth > 0 && setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const end = dayNumber(today);
  const start = end - days;
  const x = (day: number) => LEFT + ((day - start) / days) * (W - LEFT - RIGHT);
  const y = (score: number) => TOP + ((100 - score) / 100) * (H - TOP - BOTTOM);
  const shown = points.filter((p) => dayNumber(p.day) >= start && dayNumber(p.day) <= end).sort((a, b) => a.day.localeCompare(b.day));
  const scored = shown.filter((p): p is HistoryPoint & { score: number } => p.score !== null);
  let path = '';
  let pen = false;
  for (const p of shown) {
    if (p.score === null) pen = false;
    else {
      path += `${pen ? 'L' : 'M'}${x(dayNumber(p.day)).toFixed(1)},${y(p.score).toFixed(1)}`;
      pen = true;
    }
  }
  const label = scored.length
    ? t('historySummary', plural(days, 'countDaysOne', 'countDays'), scored[0]!.score, scored[scored.length - 1]!.score, plural(scored.length, 'countScoredDaysOne', 'countScoredDays'))
    : t('historyEmpty', days);
  const startDay = isoDay(start);
  return (
    <figure class="history" ref={box}>
      <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={label}>
        {bands.map((b) => {
          const top = y(Math.min(100, b.max + 1));
          return <rect key={b.label} x={LEFT} width={W - LEFT - RIGHT} y={top} height={y(b.min) - top} fill={b.color} opacity="0.14" />;
        })}
        {[0, 50, 100].map((v) => (
          <g key={v} class="axis">
            <line x1={LEFT} x2={W - RIGHT} y1={y(v)} y2={y(v)} />
            <text x={LEFT - 6} y={y(v) + 4} text-anchor="end">{v}</text>
          </g>
        ))}
        <text class="axis" x={LEFT} y={H - 6}>{startDay}</text>
        <text class="axis" x={W - RIGHT} y={H - 6} text-anchor="end">{today}</text>
        {path ? <path d={path} class="line" fill="none" /> : null}
        {scored.map((p) => (
          <circle key={p.day} cx={x(dayNumber(p.day))} cy={y(p.score)} r="3.5" class="dot">
            <title>{`${p.day}: ${p.score}`}</title>
          </circle>
        ))}
      </svg>
      <figcaption>{label}</figcaption>
    </figure>
  );
}
