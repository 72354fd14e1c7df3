import { describe, expect, test } from 'vitest';
import { searchAccounts } from '../../../lib/data/search';
import { useDemoDb } from './fixtures';

const { db } = useDemoDb();

describe('popup account search', () => {
  test('finds an account by name prefix, any case', async () => {
    const found = await searchAccounts(db(), 'acme an');
    expect(found.map((s) => s.name)).toEqual(['Acme Analytics']);
    expect(found[0]).toMatchObject({ accountId: 'acc-001', demo: true });
    expect(typeof found[0]!.score).toBe('number');
  });

  test('finds an account by contact email and by domain', async () => {
    expect((await searchAccounts(db(), 'Dana.Wu@acme')).map((s) => s.accountId)).toEqual(['acc-001']);
    expect((await searchAccounts(db(), 'www.helios-solar')).map((s) => s.accountId)).toEqual(['acc-008']);
  });

  test('returns at most the limit, each account once, and nothing for a blank or unknown query', async () => {
    const many = await searchAccounts(db(), 'a', 5);
    expect(many.length).toBe(5);
    expect(new Set(many.map((s) => s.accountId)).size).toBe(5);
    expect(await searchAccounts(db(), '   ')).toEqual([]);
    expect(await searchAccounts(db(), 'zzz-no-such-customer')).toEqual([]);
  });
});
