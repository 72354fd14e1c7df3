import { describe, expect, it } from 'vitest';
import { INITIAL_SOURCE_STATE, type SourceState } from '../../../lib/data/sync';
import { alarmName, alarmTime, failedState, sourceIdOfAlarm, syncOrder } from '../../../lib/data/sync/scheduler';

const now = new Date('2024-10-16T12:00:00Z');

describe('sync scheduler', () => {
  it('names one alarm per source and reads the source back, ignoring other alarms', () => {
    expect(sourceIdOfAlarm(alarmName('metrics'))).toBe('metrics');
    expect(sourceIdOfAlarm('healthmark-override-expiry')).toBeNull();
  });

  it('fires a new or overdue source at once and a scheduled one at its next attempt', () => {
    expect(alarmTime({ nextAttemptAt: null }, now.getTime())).toBe(now.getTime());
    expect(alarmTime({ nextAttemptAt: '2024-10-16T11:00:00Z' }, now.getTime())).toBe(now.getTime());
    expect(alarmTime({ nextAttemptAt: '2024-10-16T13:00:00Z' }, now.getTime())).toBe(Date.parse('2024-10-16T13:00:00Z'));
  });

  it('syncs config sources before metrics sources', () => {
    expect(syncOrder([{ id: 'b', kind: 'metrics' }, { id: 'z', kind: 'config' }, { id: 'a', kind: 'metrics' }]).map((s) => s.id)).toEqual(['z', 'a', 'b']);
  });

  it('backs off after failed applies: 1, 2, 4 minutes scaled by jitter, keeping the validators', () => {
    let state: SourceState = { ...INITIAL_SOURCE_STATE, etag: '"e"' };
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      state = failedState(state, 60, 'boom', now, () => 0.999);
      delays.push(Math.round((Date.parse(state.nextAttemptAt!) - now.getTime()) / 1000));
    }
    expect(delays).toEqual([60, 120, 240]);
    expect(state).toMatchObject({ etag: '"e"', consecutiveFailures: 3, lastError: 'boom', lastAttemptAt: now.toISOString() });
  });
});
