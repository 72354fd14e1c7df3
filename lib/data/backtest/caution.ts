// Why a suggestion may not deserve to become a draft, as sentences the Backtest view and the CLI show next to
// "Use as draft": too few outcomes to trust the fit, or no gain over the current weights on held-out accounts.
import type { Population } from './run';
import type { WeightSuggestion } from './suggest';

/** A cross-validated gain below this many points of AUC is no evidence for a change (it rounds away at 2 digits). */
export const MIN_AUC_GAIN = 0.01;

export function draftCautions(population: Population, suggestion: WeightSuggestion | null, minPerClass: number): string[] {
  if (!suggestion) return [];
  const cautions: string[] = [];
  if (population.churned < minPerClass || population.retained < minPerClass) {
    cautions.push(
      `Too few outcomes (${population.churned} churned, ${population.retained} retained; at least ${minPerClass} of each ` +
        'are needed): these weights may fit chance rather than what drives churn.',
    );
  }
  const { mean: current } = suggestion.current;
  const { mean: suggested } = suggestion.suggested;
  if (current !== null && suggested !== null && suggested - current < MIN_AUC_GAIN) {
    cautions.push(
      `On held-out accounts the suggested weights rank churners no better than the current ones (cross-validated AUC ` +
        `${current.toFixed(2)} → ${suggested.toFixed(2)}): the data gives no reason to change them.`,
    );
  }
  return cautions;
}
