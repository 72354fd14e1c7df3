// Reads an account's metric values into the engine's numeric row (see values.ts for the rules per kind).
import type { CompiledConfig } from './compile';
import type { MetricValues } from './types';
import { readMetric, type MetricReading } from './values';

const reading: MetricReading = { value: NaN, missing: 0 };

/** Fills row[offset + metric index] for every metric of the config; `missing` (optional) gets the reasons. */
export function readMetrics(
  compiled: CompiledConfig,
  metrics: MetricValues | null | undefined,
  today: number,
  row: Float64Array,
  offset: number,
  missing?: Uint8Array,
): void {
  const values = metrics !== null && typeof metrics === 'object' ? metrics : undefined;
  const specs = compiled.metrics;
  for (let i = 0; i < specs.length; i++) {
    const spec = specs[i]!;
    readMetric(spec, values?.[spec.def.key], today, reading);
    row[offset + i] = reading.value;
    if (missing) missing[i] = reading.missing;
  }
}
