// Small configs and accounts shared by the scoring tests.
import { scoreAccount, validateConfig } from '../../../lib/scoring';
import type { ScoringConfig, ScoringConfigInput } from '../../../lib/scoring/schema';
import type { AccountInput, AttributeValue, MetricValue, MetricValues, ScoreOptions, ScoreResult } from '../../../lib/scoring/types';

export const NOW = new Date('2025-06-02T12:00:00Z');
export const TODAY = '2025-06-02';

type MeasureInput = ScoringConfigInput['scorecards'][number]['measures'][number];

export const METRICS: ScoringConfigInput['metrics'] = [
  { key: 'logins', label: 'Weekly logins', kind: 'number', unit: 'logins' },
  { key: 'adoption', label: 'Adoption', kind: 'number', unit: '%', step: 5 },
  { key: 'tickets', label: 'Open tickets', kind: 'number', direction: 'lower' },
  { key: 'happy', label: 'Happy', kind: 'boolean' },
  { key: 'mood', label: 'Mood', kind: 'category', categories: ['green', 'yellow', 'red'] },
  { key: 'seen', label: 'Days since seen', kind: 'date', direction: 'lower', maxAgeDays: 30 },
];

export const TIERS: ScoringConfigInput['tiers'] = [
  { key: 'red', label: 'At risk', color: '#d93025', min: 0, max: 39, actions: [{ title: 'Call them' }] },
  { key: 'amber', label: 'Needs attention', color: '#f9ab00', min: 40, max: 59, actions: [{ title: 'Check usage' }] },
  { key: 'green', label: 'Healthy', color: '#1e8e3e', min: 60, max: 100, actions: [{ title: 'Share results' }, { title: 'Ask for a review' }] },
];

export const LOGIN_BANDS: MeasureInput = {
  metric: 'logins',
  type: 'bands',
  bands: [{ lt: 2, value: 0 }, { lte: 5, value: 50 }, { value: 100 }],
};

/** A valid config input; `extra` replaces top-level fields. */
export function configInput(measures: MeasureInput[] = [LOGIN_BANDS], extra: Partial<ScoringConfigInput> = {}): ScoringConfigInput {
  return {
    schemaVersion: 1,
    name: 'Test config',
    version: '1',
    metrics: METRICS,
    scorecards: [{ key: 'main', label: 'Main', measures }],
    tiers: TIERS,
    ...extra,
  };
}

export function validOrThrow(input: unknown): ScoringConfig {
  const result = validateConfig(input);
  if (!result.ok) throw new Error(`config should be valid: ${JSON.stringify(result.issues)}`);
  return result.config;
}

export function config(measures?: MeasureInput[], extra?: Partial<ScoringConfigInput>): ScoringConfig {
  return validOrThrow(configInput(measures, extra));
}

export function value(v: MetricValue['value'], asOf = '2025-06-01'): MetricValue {
  return { value: v, asOf };
}

export function values(record: Record<string, MetricValue['value']>): MetricValues {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, value(v)]));
}

export function account(attributes: Record<string, AttributeValue> = {}, id = 'acc-1'): AccountInput {
  return { id, name: 'Acme', attributes };
}

export function run(cfg: ScoringConfig, metrics: Record<string, MetricValue['value']>, attributes: Record<string, AttributeValue> = {}, options: Partial<ScoreOptions> = {}): ScoreResult {
  return scoreAccount(cfg, account(attributes), values(metrics), { now: NOW, ...options });
}

/** The action value one measure gives one raw value. */
export function actionOf(measure: MeasureInput, raw: MetricValue['value']): number | null {
  const result = run(config([measure]), { [measure.metric]: raw });
  return result.explanation.measures[0]!.actionValue;
}

/** The sample account both presets score in the preset tests. */
export const SAMPLE_METRICS: MetricValues = {
  logins_per_week: value(4),
  feature_adoption_pct: value(55),
  active_seats_pct: value(78),
  setup_completion_pct: value(90),
  integrations: value(2),
  nps: value(30),
  csm_sentiment: value('green'),
  open_tickets: value(3),
  days_past_due: value(0),
  last_login: value('2025-05-30'),
};
