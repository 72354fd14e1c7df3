// When a source is fetched next: on its schedule after a success, sooner after a failure and then less and less
// often (exponential backoff with jitter, so thousands of browsers do not retry a failing origin in step).

export const FIRST_RETRY_MINUTES = 1;
export const MAX_BACKOFF_MINUTES = 6 * 60;
const MINUTE_MS = 60_000;

/**
 * `lastAttemptAt` is the time of the last fetch, which after a success is the last success. With no failures
 * the next attempt is one schedule later; after n failures it is 1, 2, 4 … minutes (capped at 6 h), each
 * scaled by a jitter factor in [0.5, 1) drawn from `random`.
 */
export function nextAttemptAt(lastAttemptAt: Date, consecutiveFailures: number, scheduleMinutes: number, random: () => number = Math.random): Date {
  if (consecutiveFailures <= 0) return new Date(lastAttemptAt.getTime() + scheduleMinutes * MINUTE_MS);
  const backoff = Math.min(MAX_BACKOFF_MINUTES, FIRST_RETRY_MINUTES * 2 ** (consecutiveFailures - 1));
  return new Date(lastAttemptAt.getTime() + backoff * (0.5 + random() / 2) * MINUTE_MS);
}
