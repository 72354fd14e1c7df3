// A DevTools trace of one tab for bench:page: how much main-thread time the extension's scripts took (V8's
// sampling profiler: every sample with a frame of the extension's code on its stack, including the DOM calls it
// makes), how much went to style and layout, and where the runner's User Timing marks fall. Only the tab's
// renderer main thread counts, so Playwright's own work and other processes never do. Each long task is told
// apart by what ran in it: the extension's script, the rendering of a frame after the extension changed the DOM,
// or neither (the page's own).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession } from '@playwright/test';

/** BENCH_TRACE_DIR=dir keeps every trace there, to open in DevTools' Performance panel. */
const KEEP_IN = process.env.BENCH_TRACE_DIR;

const CATEGORIES = ['toplevel', 'devtools.timeline', 'blink.user_timing', 'disabled-by-default-v8.cpu_profiler'].join(',');

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { url?: string };
}

interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: {
    data?: {
      startTime?: number;
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
    beginData?: { url?: string };
  };
}

/** Who a long task belongs to. */
export type LongTaskCause = 'extension script' | 'frame after extension changes' | "page's own";

export interface TracedTask {
  start: number;
  duration: number;
  cause: LongTaskCause;
}

export interface Trace {
  /** Trace time (ms) of a User Timing mark, or null when it was never made. */
  mark(name: string): number | null;
  /** Main-thread time (ms) in [from, to) with code from a URL starting with prefix on the stack. */
  scriptTime(prefix: string, from: number, to: number): number;
  /** Main-thread time (ms) in [from, to) spent computing style and layout. */
  styleLayout(from: number, to: number): number;
  /** Durations (ms) of the layouts in [from, to): one per frame that had something to lay out. */
  layouts(from: number, to: number): number[];
  /** Trace time (ms) the page at this URL started parsing: where a run without marks begins. */
  parsed(): number;
  /**
   * Main-thread tasks over 50 ms ending in [from, to): 'extension script' when code from a URL starting with
   * prefix took more of it than style and layout, 'frame after extension changes' when it rendered a frame
   * (style, layout, paint) and that code ran in it or since the frame before, else the page's own.
   */
  longTasks(prefix: string, from: number, to: number): TracedTask[];
}

/** Starts tracing the tab; the returned function stops and reads the trace of the page whose URL starts with pageUrl. */
export async function startTrace(cdp: CDPSession, pageUrl: string): Promise<() => Promise<Trace>> {
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReturnAsStream' });
  return async () => {
    const complete = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream!)));
    await cdp.send('Tracing.end');
    const handle = await complete;
    const chunks: string[] = [];
    for (;;) {
      const chunk = await cdp.send('IO.read', { handle, size: 1 << 22 });
      chunks.push(chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data);
      if (chunk.eof) break;
    }
    await cdp.send('IO.close', { handle });
    if (KEEP_IN) writeFileSync(join(KEEP_IN, `${new URL(pageUrl).hostname}-${Date.now()}.json`), chunks.join(''));
    const parsed = JSON.parse(chunks.join('')) as { traceEvents: TraceEvent[] } | TraceEvent[];
    return readTrace(Array.isArray(parsed) ? parsed : parsed.traceEvents, pageUrl);
  };
}

const STYLE_LAYOUT = new Set(['UpdateLayoutTree', 'RecalculateStyles', 'Layout']);
const RENDERING = new Set([...STYLE_LAYOUT, 'PrePaint', 'Paint']);
const LONG_TASK_MS = 50;

function readTrace(events: TraceEvent[], pageUrl: string): Trace {
  const parse = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url?.startsWith(pageUrl));
  if (!parse) throw new Error(`the trace holds no parsing of ${pageUrl}`);
  const { pid, tid } = parse;
  const main = events.filter((e) => e.pid === pid && e.tid === tid);
  const marks = new Map<string, number>();
  for (const e of main) if (e.cat === 'blink.user_timing' && !marks.has(e.name)) marks.set(e.name, e.ts / 1000);
  const samples = profileSamples(events.filter((e) => e.pid === pid), tid);

  const styleLayout = (from: number, to: number) => {
    let sum = 0;
    let end = -Infinity; // outermost intervals only: a layout inside a style update counts once
    for (const e of main.filter((x) => x.ph === 'X' && STYLE_LAYOUT.has(x.name)).sort((a, b) => a.ts - b.ts)) {
      const start = e.ts / 1000;
      const stop = (e.ts + (e.dur ?? 0)) / 1000;
      if (stop <= end || start < from || start >= to) continue;
      sum += stop - Math.max(start, end);
      end = stop;
    }
    return sum;
  };
  const scriptTime = (prefix: string, from: number, to: number) => {
    let sum = 0;
    for (const s of samples) if (s.at >= from && s.at < to && s.urls.some((u) => u.startsWith(prefix))) sum += s.ms;
    return sum;
  };
  const longTasks = (prefix: string, from: number, to: number) => {
    // A task, or a microtask checkpoint run outside one (a storage reply's callbacks, say).
    const tasks = main.filter((e) => e.ph === 'X' && e.cat?.split(',').includes('toplevel')).sort((a, b) => a.ts - b.ts);
    const rendering = main.filter((e) => e.ph === 'X' && RENDERING.has(e.name));
    const out: TracedTask[] = [];
    let lastFrameEnd = -Infinity; // end of the last task that rendered a frame
    let taskEnd = -Infinity; // tasks nest now and then: only the outermost count
    for (const task of tasks) {
      const start = task.ts / 1000;
      const end = (task.ts + (task.dur ?? 0)) / 1000;
      if (end <= taskEnd) continue;
      taskEnd = end;
      const renders = rendering.some((e) => e.ts / 1000 >= start && e.ts / 1000 < end);
      if (end - start > LONG_TASK_MS && end >= from && end < to) {
        const script = scriptTime(prefix, start, end);
        const cause: LongTaskCause = script > styleLayout(start, end) ? 'extension script'
          : renders && script + scriptTime(prefix, lastFrameEnd, start) > 0 ? 'frame after extension changes' : "page's own";
        out.push({ start, duration: end - start, cause });
      }
      if (renders) lastFrameEnd = end;
    }
    return out;
  };
  return {
    mark: (name) => marks.get(name) ?? null,
    scriptTime,
    longTasks,
    styleLayout,
    layouts: (from, to) => main.filter((e) => e.ph === 'X' && e.name === 'Layout' && e.ts / 1000 >= from && e.ts / 1000 < to).map((e) => (e.dur ?? 0) / 1000),
    parsed: () => parse.ts / 1000,
  };
}

interface Sample {
  at: number;
  ms: number;
  /** URLs of the code on the sample's stack. */
  urls: string[];
}

/** The main thread's profiler samples, each with the time until the next one and the script URLs on its stack. */
function profileSamples(events: TraceEvent[], tid: number): Sample[] {
  const profile = events.find((e) => e.name === 'Profile' && e.tid === tid);
  if (!profile) return [];
  const nodes = new Map<number, ProfileNode>();
  const stamps: { at: number; node: number }[] = [];
  let time = profile.args!.data!.startTime!;
  for (const chunk of events.filter((e) => e.name === 'ProfileChunk' && e.id === profile.id)) {
    for (const node of chunk.args?.data?.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    const ids = chunk.args?.data?.cpuProfile?.samples ?? [];
    const deltas = chunk.args?.data?.timeDeltas ?? [];
    ids.forEach((node, i) => {
      time += deltas[i] ?? 0;
      stamps.push({ at: time / 1000, node });
    });
  }
  const stacks = new Map<number, string[]>();
  const urlsOf = (id: number): string[] => {
    let urls = stacks.get(id);
    if (!urls) {
      const node = nodes.get(id);
      urls = node ? [...(node.callFrame.url ? [node.callFrame.url] : []), ...(node.parent ? urlsOf(node.parent) : [])] : [];
      stacks.set(id, urls);
    }
    return urls;
  };
  return stamps.map((s, i) => ({ at: s.at, ms: Math.min(5, (stamps[i + 1]?.at ?? s.at) - s.at), urls: urlsOf(s.node) }));
}
