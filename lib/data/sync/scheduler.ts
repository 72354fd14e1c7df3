// Which alarm belongs to which source, when it fires, and in which order sources sync (the config first: the
// metrics import reads its catalogue). Pure: the background wires these to browser.alarms.
import type { SourceDefinition, SourceState } from './source';
import { nextAttemptAt } from './schedule';

export const SYNC_ALARM_PREFIX = 'healthmark-sync:';

export function alarmName(sourceId: string): string {
  return SYNC_ALARM_PREFIX + sourceId;
}

/** The source id of one of our alarms, or null for any other alarm. */
export function sourceIdOfAlarm(name: string): string | null {
  return name.startsWith(SYNC_ALARM_PREFIX) ? name.slice(SYNC_ALARM_PREFIX.length) : null;
}

/** When the source's alarm fires: its next attempt, or at once when it never ran or the time has passed. */
export function alarmTime(state: Pick<SourceState, 'nextAttemptAt'>, now: number): number {
  const next = state.nextAttemptAt === null ? NaN : Date.parse(state.nextAttemptAt);
  return Number.isNaN(next) ? now : Math.max(now, next);
}

/** Config sources before metrics sources, then by id: one order for every "sync all". */
export function syncOrder<T extends Pick<SourceDefinition, 'id' | 'kind'>>(sources: readonly T[]): T[] {
  const rank = (s: T) => (s.kind === 'config' ? 0 : 1);
  return [...sources].sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id));
}

/** The state after an attempt that fetched fine but could not be applied: counts as a failure (backoff). */
export function failedState(state: SourceState, scheduleMinutes: number, message: string, now: Date, random?: () => number): SourceState {
  const consecutiveFailures = state.consecutiveFailures + 1;
  return {
    ...state,
    lastAttemptAt: now.toISOString(),
    nextAttemptAt: nextAttemptAt(now, consecutiveFailures, scheduleMinutes, random).toISOString(),
    consecutiveFailures,
    lastError: message,
  };
}
