// fast-check generators: valid configs over the fixture metrics, and metric values good and bad.
import fc from 'fast-check';
import type { ScoringConfigInput } from '../../../lib/scoring/schema';
import type { MetricValue } from '../../../lib/scoring/types';
import { configInput } from './fixtures';

type MeasureInput = ScoringConfigInput['scorecards'][number]['measures'][number];

const actionValue = (additive: boolean) => (additive ? fc.integer({ min: -40, max: 40 }) : fc.integer({ min: 0, max: 100 }));

/** Bands with strictly increasing thresholds and explicit inclusiveness; values sorted when `monotonic`. */
export function bandsArb(metric: string, additive: boolean, monotonic = false): fc.Arbitrary<MeasureInput> {
  return fc
    .record({
      thresholds: fc.uniqueArray(fc.integer({ min: -50, max: 150 }), { minLength: 1, maxLength: 5 }),
      inclusive: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
      values: fc.array(actionValue(additive), { minLength: 6, maxLength: 6 }),
    })
    .map(({ thresholds, inclusive, values }) => {
      const sorted = [...thresholds].sort((a, b) => a - b);
      const vals = monotonic ? [...values].sort((a, b) => a - b) : values;
      return {
        metric,
        type: 'bands' as const,
        bands: [...sorted.map((t, i) => (inclusive[i] ? { lte: t, value: vals[i]! } : { lt: t, value: vals[i]! })), { value: vals[sorted.length]! }],
      };
    });
}

function measureArb(additive: boolean): fc.Arbitrary<MeasureInput> {
  return fc.oneof(
    bandsArb('logins', additive),
    bandsArb('seen', additive),
    fc.record({ a: fc.integer({ min: -20, max: 80 }), span: fc.integer({ min: 1, max: 100 }), clamp: fc.boolean(), invert: fc.boolean() })
      .map(({ a, span, clamp, invert }) => ({ metric: 'adoption', type: 'linear' as const, min: a, max: a + span, clamp, invert })),
    fc.record({ ifTrue: actionValue(additive), ifFalse: actionValue(additive) }).map((v) => ({ metric: 'happy', type: 'boolean' as const, ...v })),
    fc.record({ green: actionValue(additive), yellow: actionValue(additive), red: actionValue(additive) })
      .map((map) => ({ metric: 'mood', type: 'category' as const, map })),
    fc.record({ neutral: fc.integer({ min: 0, max: 20 }), perUnit: fc.integer({ min: -5, max: 5 }).filter((n) => n !== 0) })
      .map((v) => ({ metric: 'tickets', type: 'points' as const, ...v, minPoints: -30, maxPoints: 30 })),
  );
}

/** A valid config with 1–6 measures, random weights and missing policies, optionally grouped or additive. */
export const configArb: fc.Arbitrary<ScoringConfigInput> = fc.boolean().chain((additive) =>
  fc
    .record({
      measures: fc.array(
        fc.record({ m: measureArb(additive), weight: fc.integer({ min: 1, max: 10 }), missing: fc.constantFrom('skip', 'neutral', 'zero') as fc.Arbitrary<'skip' | 'neutral' | 'zero'>, group: fc.constantFrom('a', 'b') }),
        { minLength: 1, maxLength: 6 },
      ),
      grouped: fc.boolean(),
      minCoverage: fc.constantFrom(0, 0.3, 0.6),
      baseline: fc.integer({ min: 0, max: 100 }),
    })
    .map(({ measures, grouped, minCoverage, baseline }) => {
      const groups = grouped ? [...new Set(measures.map((x) => x.group))] : [];
      return configInput(undefined, {
        missing: { minCoverage },
        scorecards: [
          {
            key: 'main',
            label: 'Main',
            formula: additive ? 'additive' : 'weighted',
            ...(additive ? { baseline } : {}),
            ...(grouped ? { groups: groups.map((g, i) => ({ key: g, label: g, weight: i + 1 })) } : {}),
            measures: measures.map((x, i) => ({ ...x.m, key: `m${i}`, weight: x.weight, missing: x.missing, ...(grouped ? { group: x.group } : {}) })),
          },
        ],
      });
    }),
);

/** Any metric value: good numbers, NaN, infinities, texts, booleans, null, dates. */
export const rawValueArb: fc.Arbitrary<MetricValue['value']> = fc.oneof(
  fc.double(),
  fc.integer({ min: -100, max: 200 }),
  fc.constantFrom('green', 'Yellow', 'red', 'purple', '', 'true', '12', '2025-05-20', 'yesterday'),
  fc.boolean(),
  fc.constant(null),
);

export const metricsArb = fc.record(
  { logins: rawValueArb, adoption: rawValueArb, tickets: rawValueArb, happy: rawValueArb, mood: rawValueArb, seen: rawValueArb },
  { requiredKeys: [] },
);
