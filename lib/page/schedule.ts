// When the runner's work runs: a fresh task (after pending input), the next animation frame, an idle moment, or
// the end of the next frame's rendering. Everything takes the runner's AbortSignal, so stopping cancels it all.

interface PostTaskScheduler {
  postTask(fn: () => void, options: { priority?: 'user-blocking' | 'user-visible' | 'background'; signal?: AbortSignal; delay?: number }): Promise<unknown>;
}

const scheduler = (globalThis as { scheduler?: PostTaskScheduler }).scheduler;

/** Cancels on abort until the work has run; returns the function that says it has (so listeners never pile up). */
function untilRun(signal: AbortSignal, cancel: () => void): () => void {
  signal.addEventListener('abort', cancel, { once: true });
  return () => signal.removeEventListener('abort', cancel);
}

/**
 * Runs fn in a new task after `delay` ms. scheduler.postTask where the browser has it (input waiting to be
 * handled goes first); elsewhere a message-channel task, which nested timeouts would clamp to 4 ms.
 */
export function task(fn: () => void, signal: AbortSignal, delay = 0): void {
  if (signal.aborted) return;
  if (scheduler) {
    scheduler.postTask(fn, { priority: 'user-visible', signal, delay }).catch((error: unknown) => {
      if (!signal.aborted) throw error; // an abort rejects too: only real errors reach the console
    });
    return;
  }
  if (delay > 0) {
    const ran = untilRun(signal, () => clearTimeout(id));
    const id = setTimeout(() => {
      ran();
      fn();
    }, delay);
    return;
  }
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    if (!signal.aborted) fn();
  };
  channel.port2.postMessage(null);
}

/** Runs fn at the next animation frame; a hidden page paints no frames, so there a 100 ms timer stands in. */
export function nextFrame(fn: () => void, signal: AbortSignal, doc: Document): void {
  if (signal.aborted) return;
  if (doc.hidden) return task(fn, signal, 100);
  const ran = untilRun(signal, () => cancelAnimationFrame(id));
  const id = requestAnimationFrame(() => {
    ran();
    fn();
  });
}

/** Runs fn when the page is idle, or after `timeout` ms at the latest. */
export function idle(fn: () => void, signal: AbortSignal, timeout: number): void {
  if (signal.aborted) return;
  if (typeof requestIdleCallback !== 'function') return task(fn, signal, 1);
  const ran = untilRun(signal, () => cancelIdleCallback(id));
  const id = requestIdleCallback(() => {
    ran();
    fn();
  }, { timeout });
}

/**
 * Calls back with how long the next frame took to render: from its animation-frame callbacks to the first task
 * after it (style, layout and paint of everything changed since the last frame). Never in a hidden page.
 */
export function afterNextFrame(fn: (renderMs: number) => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  const ran = untilRun(signal, () => cancelAnimationFrame(id));
  const id = requestAnimationFrame(() => {
    ran();
    const start = performance.now();
    task(() => fn(performance.now() - start), signal);
  });
}
