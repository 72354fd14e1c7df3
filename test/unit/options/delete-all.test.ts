import { describe, expect, test } from 'vitest';
import { privacyHandlers } from '../../../lib/background/handlers/privacy';
import { getMeta } from '../../../lib/data/db';
import { setOverrideAndRescore } from '../../../lib/data/rescore';
import { useDemoDb } from './fixtures';

const { db } = useDemoDb();

describe('delete all data', () => {
  test('clears every table and records that the user chose to have no data', async () => {
    await setOverrideAndRescore(db(), 'acc-001', { tier: 'healthy', reason: 'r', author: 'a', createdAt: new Date().toISOString(), expiresAt: new Date(Date.now() + 86_400_000).toISOString() });
    await db().sources.put({ id: 's1', kind: 'metrics', url: 'https://data.example/a.csv', auth: { kind: 'none' }, format: 'csv', mapping: {} as never, scheduleMinutes: 60, etag: null, lastModified: null, lastSuccessAt: null, lastAttemptAt: null, nextAttemptAt: null, consecutiveFailures: 0, lastError: null });
    const filled = await Promise.all(db().tables.map((t) => t.count()));
    expect(filled.filter((n) => n > 0).length).toBeGreaterThanOrEqual(9);

    const status = await privacyHandlers(db()).deleteAllData({});
    expect(status).toMatchObject({ mode: 'empty', accountCount: 0, config: null, updatedAt: null });
    for (const table of db().tables) if (table.name !== 'meta') expect(await table.count(), table.name).toBe(0);
    expect(await db().meta.toArray()).toEqual([{ key: 'dataMode', value: 'empty' }]);
    expect(await getMeta(db(), 'dataMode')).toBe('empty');
  });
});
