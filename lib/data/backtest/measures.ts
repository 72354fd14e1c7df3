// Each measure on its own: does its action value rank churners low, and does that match how it is configured?
import { type AucResult, aucStandardError, healthAuc } from './auc';

/** How the config reads the raw metric: higher is healthier, lower is healthier, or neither (bands, categories). */
export type Direction = 'higher' | 'lower' | null;

export interface MeasureInfo {
  key: string;
  label: string;
  direction: Direction;
  /** Configured weight on the config's scale. */
  weight: number;
}

export type Verdict = 'as-configured' | 'opposite' | 'no-signal' | 'undefined';

export interface MeasureCheck {
  key: string;
  label: string;
  auc: AucResult;
  /** Hanley–McNeil standard error of the AUC; null when the AUC is undefined. */
  standardError: number | null;
  verdict: Verdict;
  text: string;
}

/** An AUC this many standard errors away from 0.5 counts as a signal. */
const SIGNAL_Z = 1.96;

/** `column` holds the measure's action values (higher = healthier, NaN missing) by row. */
export function checkMeasure(measure: MeasureInfo, column: Float64Array, churned: Uint8Array): MeasureCheck {
  const auc = healthAuc(column, churned);
  const { key, label } = measure;
  if (!auc.defined) return { key, label, auc, standardError: null, verdict: 'undefined', text: `${label}: ${auc.reason}` };
  const standardError = aucStandardError(auc.auc, auc.churned, auc.retained);
  const verdict: Verdict =
    auc.auc - SIGNAL_Z * standardError > 0.5 ? 'as-configured' : auc.auc + SIGNAL_Z * standardError < 0.5 ? 'opposite' : 'no-signal';
  return { key, label, auc, standardError, verdict, text: verdictText(measure, verdict, auc.auc) };
}

function verdictText({ label, direction }: MeasureInfo, verdict: Verdict, auc: number): string {
  const figure = `(AUC ${auc.toFixed(2)})`;
  if (verdict === 'no-signal') return `${label}: no clear link to churn in this data ${figure}`;
  if (verdict === 'as-configured') {
    return direction
      ? `${label}: ${direction} is healthier, as configured ${figure}`
      : `${label}: its configured scoring ranks churners low, as intended ${figure}`;
  }
  return direction
    ? `${label}: configured ${direction}-is-better but the data says the opposite ${figure}`
    : `${label}: its configured scoring ranks churners high, the opposite of what it should ${figure}`;
}

/** Column j of a row-major matrix. */
export function column(values: Float64Array, width: number, j: number): Float64Array {
  const rows = values.length / width;
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) out[i] = values[i * width + j]!;
  return out;
}
