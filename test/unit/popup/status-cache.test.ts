import { expect, test, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { popupStatus } from '../../../components/popup/status-cache';
import { setMeta } from '../../../lib/data/db';
import { readStatus } from '../../../lib/data/status';
import { DATA_VERSION } from '../../../lib/page/settings';
import { useDemoDb } from '../options/fixtures';

const { db } = useDemoDb();

test('the status is counted once, then remembered while the data stays the same', async () => {
  const count = vi.fn(readStatus);
  const first = await popupStatus(db(), count);
  expect(first.accountCount).toBe(40);
  expect(await popupStatus(db(), count)).toEqual(first);
  expect(count).toHaveBeenCalledTimes(1);
});

test('a score write announced by the background, a bulk write or another config counts again', async () => {
  const count = vi.fn(readStatus);
  await popupStatus(db(), count);
  await browser.storage.local.set({ [DATA_VERSION]: Date.now() });
  await popupStatus(db(), count);
  expect(count).toHaveBeenCalledTimes(2);
  await setMeta(db(), 'updatedAt', new Date(Date.now() + 1000).toISOString());
  await popupStatus(db(), count);
  expect(count).toHaveBeenCalledTimes(3);
  await setMeta(db(), 'activeConfigId', 99);
  await popupStatus(db(), count);
  expect(count).toHaveBeenCalledTimes(4);
  await popupStatus(db(), count);
  expect(count).toHaveBeenCalledTimes(4);
});

test('a count during which the data changed is shown but not remembered', async () => {
  const count = vi.fn(async (d: Parameters<typeof readStatus>[0]) => {
    const status = await readStatus(d);
    await setMeta(d, 'updatedAt', new Date(Date.now() + 5000).toISOString());
    return status;
  });
  expect((await popupStatus(db(), count)).accountCount).toBe(40);
  await popupStatus(db(), count);
  expect(count).toHaveBeenCalledTimes(2);
});
