// Malformed configs made by mutating a valid one: each must be rejected with a specific issue, and nothing throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPath, validateConfig } from '../../../lib/scoring';
import preset from '../../../public/presets/default.json';

type Path = (string | number)[];
type Json = unknown;

interface Mutation {
  name: string;
  /** Changes the config in place; returns the paths at least one issue must be on, under or above. */
  apply(config: any, pick: (n: number) => number): Path[];
}

function leaves(value: Json, path: Path = []): Path[] {
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, Array.isArray(value) ? Number(k) : k]));
  return [path];
}

function objects(value: Json, path: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [];
  const here = Array.isArray(value) ? [] : [path];
  return [...here, ...Object.entries(value).flatMap(([k, v]) => objects(v, [...path, Array.isArray(value) ? Number(k) : k]))];
}

const get = (root: any, path: Path) => path.reduce((o, k) => o?.[k], root);
const set = (root: any, path: Path, v: unknown) => (get(root, path.slice(0, -1))[path[path.length - 1]!] = v);
const measuresOf = (c: any) => c.scorecards[0].measures as any[];

const LEAVES = leaves(preset);
const OBJECTS = objects(preset).filter((p) => !p.includes('map')); // a category map takes any key
const REQUIRED = LEAVES.filter((p) => ['name', 'version', 'schemaVersion', 'key', 'label', 'kind', 'metric', 'type', 'color', 'min', 'max', 'value', 'title', 'lt', 'lte', 'points', 'days'].includes(String(p[p.length - 1])) && !p.includes('missing') && !(p.includes('range') && p.includes('flags'))) // a measure's weight defaults to 1
  .concat(LEAVES.filter((p) => p.includes('groups') && p[p.length - 1] === 'weight'));

const MUTATIONS: Mutation[] = [
  {
    name: 'wrong type',
    apply(c, pick) {
      const path = LEAVES[pick(LEAVES.length)]!;
      const old = get(c, path);
      set(c, path, typeof old === 'string' ? 42 : typeof old === 'number' ? String(old) : typeof old === 'boolean' ? 'yes' : {});
      return [path];
    },
  },
  {
    name: 'missing required key',
    apply(c, pick) {
      const path = REQUIRED[pick(REQUIRED.length)]!;
      delete get(c, path.slice(0, -1))[path[path.length - 1]!];
      return [path];
    },
  },
  {
    name: 'unknown field',
    apply(c, pick) {
      const path = OBJECTS[pick(OBJECTS.length)]!;
      get(c, path).wieght = 1;
      return [[...path, 'wieght']];
    },
  },
  {
    name: 'NaN or infinite number',
    apply(c, pick) {
      const numbers = LEAVES.filter((p) => typeof get(c, p) === 'number');
      const path = numbers[pick(numbers.length)]!;
      set(c, path, [Number.NaN, Infinity, -Infinity][pick(3)]);
      return [path];
    },
  },
  {
    name: 'reversed thresholds',
    apply(c, pick) {
      const banded = measuresOf(c).flatMap((m, i) => (m.type === 'bands' ? [i] : []));
      const i = banded[pick(banded.length)]!;
      const bands = measuresOf(c)[i].bands as any[];
      const thresholds = bands.slice(0, -1).map((b) => b.lt ?? b.lte).reverse();
      bands.slice(0, -1).forEach((b, j) => (b.lt !== undefined ? (b.lt = thresholds[j]) : (b.lte = thresholds[j])));
      return [['scorecards', 0, 'measures', i, 'bands']];
    },
  },
  {
    name: 'tier gap or overlap',
    apply(c, pick) {
      const i = 1 + pick(c.tiers.length - 1);
      c.tiers[i].min += pick(2) === 0 ? 1 + pick(5) : -(1 + pick(5));
      return [['tiers', i]];
    },
  },
  {
    name: 'unknown metric',
    apply(c, pick) {
      const i = pick(measuresOf(c).length);
      measuresOf(c)[i].metric = `zz_metric_${pick(1000)}`;
      return [['scorecards', 0, 'measures', i, 'metric']];
    },
  },
  {
    name: 'duplicate key',
    apply(c, pick) {
      const list = ['metrics', 'tiers', 'flags'][pick(3)]!;
      const i = pick(c[list].length - 1);
      c[list][i + 1].key = c[list][i].key;
      return [[list, i + 1, 'key']];
    },
  },
  {
    name: 'zero weight',
    apply(c) {
      const group = c.scorecards[0].groups[0].key;
      measuresOf(c).forEach((m) => m.group === group && (m.weight = 0));
      return [['scorecards', 0, 'groups', 0]];
    },
  },
  {
    name: 'value out of range',
    apply(c, pick) {
      const choices: [Path, unknown][] = [
        [['missing', 'minCoverage'], 1.5],
        [['tiers', pick(4), 'color'], 'red'],
        [['scorecards', 0, 'measures', pick(10), 'weight'], -1],
        [['alerts', 'drop', 'days'], 0.5],
        [['tiers', pick(4), 'actions', 0, 'link'], 'javascript:alert(1)'],
        [['scorecards', 0, 'measures', 0, 'bands', 0, 'value'], 140],
      ];
      const [path, v] = choices[pick(choices.length)]!;
      set(c, path, v);
      return [path];
    },
  },
];

const related = (issuePath: string, target: string) => issuePath === 'config' || issuePath.startsWith(target) || target.startsWith(issuePath);

describe('fuzzed configs', () => {
  it('rejects every single mutation with an issue at the mutated place', () => {
    let checked = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MUTATIONS.length - 1 }), fc.infiniteStream(fc.nat()), (m, stream) => {
        const config = structuredClone(preset);
        const it = stream[Symbol.iterator]();
        const targets = MUTATIONS[m]!.apply(config, (n) => it.next().value % n).map(formatPath);
        const result = validateConfig(config);
        expect(result.ok, `${MUTATIONS[m]!.name} at ${targets}`).toBe(false);
        if (result.ok) return;
        for (const issue of result.issues) expect(issue.message.length).toBeGreaterThan(5);
        expect(result.issues.some((i) => targets.some((t) => related(i.path, t))), `${MUTATIONS[m]!.name}: ${targets} vs ${JSON.stringify(result.issues)}`).toBe(true);
        checked++;
      }),
      { numRuns: 300 },
    );
    expect(checked).toBe(300);
  });

  it('rejects several mutations at once without throwing', () => {
    fc.assert(
      // Distinct mutations: the same one twice could undo itself (reversing thresholds twice).
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: MUTATIONS.length - 1 }), { minLength: 2, maxLength: 4 }), fc.infiniteStream(fc.nat()), (ms, stream) => {
        const config = structuredClone(preset);
        const it = stream[Symbol.iterator]();
        for (const m of ms) MUTATIONS[m]!.apply(config, (n) => it.next().value % n);
        const result = validateConfig(config);
        expect(result.ok).toBe(false);
        if (!result.ok) for (const issue of result.issues) expect(issue.path).toMatch(/^(config|[a-zA-Z])/);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on arbitrary JSON-like input', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true }), (input) => {
        const result = validateConfig(input);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
