// Shared by the options tests: a fresh database per test with the demo dataset applied under the default preset.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach } from 'vitest';
import { replaceDataset } from '../../../lib/data/apply';
import { openDb, type HealthmarkDb } from '../../../lib/data/db';
import { rebaseDemo, type DemoDataset } from '../../../lib/data/demo';
import { validateConfig, type ScoringConfig } from '../../../lib/scoring';

export const now = new Date('2026-11-25T10:00:00Z');

export function readPreset(name: 'default' | 'segmented'): ScoringConfig {
  const checked = validateConfig(JSON.parse(readFileSync(`public/presets/${name}.json`, 'utf8')));
  if (!checked.ok) throw new Error(`preset ${name} must be valid`);
  return checked.config;
}

/** The default preset with every tier boundary moved down by `by` points: accounts near a boundary move up. */
export function shiftedTiers(by: number): ScoringConfig {
  const config = structuredClone(readPreset('default'));
  config.version = `shifted-${by}`;
  config.tiers.forEach((tier, i) => {
    if (i > 0) tier.min -= by;
    if (i < config.tiers.length - 1) tier.max -= by;
  });
  return config;
}

export const demo = rebaseDemo(JSON.parse(readFileSync('public/demo/accounts.json', 'utf8')) as DemoDataset, now);

/** A database that lives for one test; `ready` has the demo loaded. */
export function useDemoDb(): { db: () => HealthmarkDb } {
  let db: HealthmarkDb;
  let n = 0;
  beforeEach(async () => {
    db = openDb(`options-${Date.now()}-${++n}`);
    await replaceDataset(db, { config: readPreset('default'), configSource: 'preset:default', ...demo, mode: 'demo' }, now);
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });
  return { db: () => db };
}
