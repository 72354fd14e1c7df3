import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { weightsFromShares, withWeights } from '../../../lib/data/backtest/candidate';
import { backtestConfig, latestAsOf, prepareDataset } from '../../../lib/data/backtest/engine';
import { type ScoringConfig, compileConfig, validateConfig } from '../../../lib/scoring';
import { AS_OF, presetAccounts } from '../../fixtures/backtest/accounts';

function preset(): ScoringConfig {
  const result = validateConfig(JSON.parse(readFileSync('public/presets/default.json', 'utf8')));
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.config;
}

const now = new Date(`${AS_OF}T12:00:00Z`);
const config = preset();
const accounts = presetAccounts(1500, 4);
const result = backtestConfig({ config, accounts, now }, { bootstrapReplicates: 200 });
if (!result.ok) throw new Error(result.error);
const { report, candidate } = result;

describe('backtestConfig on the default preset', () => {
  it('scores the accounts with the engine and reports tiers in config order', () => {
    expect(report.population.churned + report.population.retained).toBe(1500);
    expect(report.tiers.map((t) => t.key)).toEqual(config.tiers.map((t) => t.key));
    expect(report.tiers.reduce((n, t) => n + t.accounts, 0)).toBe(1500);
    expect(report.scorecard).toEqual({ key: 'default', label: 'All accounts' });
  });

  it('names measures as the config does and catches the one whose direction the data contradicts', () => {
    const byLabel = new Map(report.measures.map((m) => [m.label, m]));
    expect(byLabel.get('Logins per week')?.text).toMatch(/^Logins per week: higher is healthier, as configured \(AUC 0\.\d\d\)$/);
    expect(byLabel.get('Open tickets')?.text).toMatch(
      /^Open tickets: configured lower-is-better but the data says the opposite \(AUC 0\.[0-4]\d\)$/,
    );
    expect(byLabel.get('CSM sentiment')?.verdict).toBe('no-signal');
  });

  it('suggests weights that beat the preset on the same held-out folds', () => {
    const suggestion = report.suggestion!;
    expect(suggestion.suggested.mean!).toBeGreaterThan(suggestion.current.mean! + 0.05);
    const weight = (label: string) => suggestion.measures.find((m) => m.label === label)!;
    expect(weight('Logins per week').suggestedWeight).toBeGreaterThan(weight('Feature adoption').suggestedWeight);
    expect(weight('Open tickets').share).toBe(0);
    expect(suggestion.groups.map((g) => g.weight)).toEqual([40, 15, 25, 20]);
    // Group weights keep their total, up to rounding and the smallest weight a group without share keeps.
    const total = suggestion.groups.reduce((n, g) => n + g.suggestedWeight, 0);
    expect(total).toBeGreaterThanOrEqual(98);
    expect(total).toBeLessThanOrEqual(102 + suggestion.notes.length);
  });

  it('offers a valid draft: a deep copy that differs only in weights and version', () => {
    expect(candidate).not.toBeNull();
    expect(validateConfig(candidate).ok).toBe(true);
    expect(config.version).toBe('2025.1');
    expect(candidate!.version).toBe('2025.1-suggested');
    const withoutWeights = (c: ScoringConfig) =>
      JSON.stringify(c, (key, value) => (key === 'weight' || key === 'version' ? undefined : value));
    expect(withoutWeights(candidate!)).toBe(withoutWeights(config));
    expect(candidate!.scorecards[0]!.groups!.map((g) => g.weight)).toEqual(report.suggestion!.weights.groups);
  });

  it('judges the current weights with exactly the engine scores', () => {
    const prepared = prepareDataset({ config, accounts, now });
    if (!prepared.ok) throw new Error(prepared.error);
    const rows = Uint32Array.from([0, 7, 99, 1200]);
    // A copy, so the engine really re-scores a config written from these weights.
    const { measures, groups } = prepared.plan.current;
    const scores = prepared.plan.score({ measures: [...measures], groups: [...groups] }, rows);
    expect(Array.from(scores)).toEqual(Array.from(rows, (row) => prepared.dataset.scores[row]));
  });

  it('judges metrics as of the newest As-of day when no date is given', () => {
    const dated = (asOf: string) => ({ id: asOf, metrics: { nps: { value: 1, asOf } } });
    expect(latestAsOf([dated('2025-03-01'), dated('2025-06-30T08:00:00Z')]).toISOString()).toBe('2025-06-30T23:59:59.999Z');
    const undated = backtestConfig({ config, accounts }, { bootstrapReplicates: 200 });
    expect(undated.ok && undated.report).toEqual(report);
  });

  it('refuses options that cannot work instead of throwing', () => {
    expect(backtestConfig({ config, accounts, now }, { folds: 0 })).toEqual({
      ok: false,
      error: 'folds must be a whole number from 2 to 50, got 0',
    });
  });

  it('refuses an unknown scorecard with the ones it has', () => {
    expect(backtestConfig({ config, accounts, now, scorecard: 'smb' })).toEqual({
      ok: false,
      error: 'scorecard "smb" is not in the config (it has "default")',
    });
  });
});

describe('weightsFromShares', () => {
  it('gives each measure of a grouped scorecard the share asked for', () => {
    const card = config.scorecards[0]!;
    const shares = Float64Array.from([0.2, 0.1, 0.1, 0, 0.05, 0.05, 0.3, 0.1, 0.05, 0.05]);
    const { weights, notes } = weightsFromShares(card, shares);
    expect(notes).toEqual([]);
    const draft = compileConfig(withWeights(config, 0, weights));
    Array.from(draft.scorecards[0]!.nominal).forEach((share, m) => expect(share).toBeCloseTo(shares[m]!, 2));
  });

  it('keeps a group whose measures get no share at the smallest weight, with a note', () => {
    const card = config.scorecards[0]!;
    const shares = Float64Array.from([0.5, 0, 0, 0, 0, 0, 0.5, 0, 0, 0]);
    const { weights, notes } = weightsFromShares(card, shares);
    expect(weights.groups).toEqual([50, 1, 50, 1]);
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatch(/^Group "Setup": none of its measures ranks churned accounts low/);
  });
});
