// Numbers of the backtest report as people read them, shared by the terminal report and the Backtest view.

export const percent = (share: number | null): string => (share === null ? '–' : `${(share * 100).toFixed(1)}%`);

export const decimal = (value: number | null | undefined, digits = 2): string =>
  value === null || value === undefined || Number.isNaN(value) ? '–' : value.toFixed(digits);

/** Decimal places a weight is written with (weights carry at most three). */
function decimalsOf(value: number): number {
  for (let digits = 0; digits < 3; digits++) if (Number(value.toFixed(digits)) === value) return digits;
  return 3;
}

/** Weights with the same number of decimal places (the most any of them needs), so they line up. */
export function weightColumn(values: readonly number[]): string[] {
  const digits = Math.max(0, ...values.map(decimalsOf));
  return values.map((value) => value.toFixed(digits));
}

/** The current and the suggested weights of a table, both written with the decimal places the table needs. */
export function weightColumns(rows: readonly { weight: number; suggestedWeight: number }[]): { current: string[]; suggested: string[] } {
  const all = weightColumn([...rows.map((row) => row.weight), ...rows.map((row) => row.suggestedWeight)]);
  return { current: all.slice(0, rows.length), suggested: all.slice(rows.length) };
}

/** Penalties as written in the report: 300, 30, 3, 0.3. */
export const penalty = (l2: number): string => String(Number(l2.toPrecision(3)));
