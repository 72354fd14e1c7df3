// The examples in docs/config.md are real configs: each of the four scoring models validates and scores.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scoreAccount, validateConfig } from '../../../lib/scoring';
import preset from '../../../public/presets/default.json';
import { account, NOW, SAMPLE_METRICS } from './fixtures';

const doc = readFileSync(new URL('../../../docs/config.md', import.meta.url), 'utf8');
const models = doc.slice(doc.indexOf('## Four scoring models'), doc.indexOf('## What the engine returns'));
const scorecards = [...models.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!) as { key: string });

describe('docs/config.md scoring models', () => {
  it('has the four models', () => {
    expect(scorecards.map((s) => s.key)).toEqual(['weighted', 'points', 'gap', 'linear']);
  });

  it.each(scorecards.map((s) => [s.key, s]))('%s validates with the default metrics and scores the sample account', (_, scorecard) => {
    const result = validateConfig({ ...preset, scorecards: [scorecard] });
    expect(result.ok ? [] : result.issues).toEqual([]);
    if (!result.ok) return;
    expect(scoreAccount(result.config, account(), SAMPLE_METRICS, { now: NOW }).status).toBe('scored');
  });
});
