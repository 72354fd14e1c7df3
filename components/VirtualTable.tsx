// A table that keeps only the rows in view (plus a few) in the DOM, so 100k rows scroll smoothly. Rows have a
// fixed height. Keyboard: one row is in the tab order; arrows, Page Up/Down, Home/End move between rows and Enter
// opens one. Sortable columns say their order with aria-sort.
import type { ComponentChildren } from 'preact';
import { memo } from 'preact/compat';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

export interface Column<R> {
  key: string;
  label: string;
  /** A CSS grid track: `2fr`, `90px`… */
  width: string;
  align?: 'start' | 'end';
  render: (row: R) => ComponentChildren;
  /** Current order of a sortable column; absent for a column that cannot be sorted. */
  sort?: 'ascending' | 'descending' | 'none';
  onSort?: () => void;
}

export interface VirtualTableProps<R> {
  rows: readonly R[];
  rowKey: (row: R) => string;
  columns: Column<R>[];
  label: string;
  onOpen: (row: R) => void;
  rowHeight?: number;
  overscan?: number;
}

const KEY_STEPS: Record<string, (index: number, page: number, last: number) => number> = {
  ArrowDown: (i) => i + 1,
  ArrowUp: (i) => i - 1,
  PageDown: (i, page) => i + page,
  PageUp: (i, page) => i - page,
  Home: () => 0,
  End: (_, __, last) => last,
};

interface RowProps {
  row: unknown;
  index: number;
  focused: boolean;
  columns: Column<never>[];
  template: string;
  height: number;
}

/** One row; memoised, so scrolling renders only the rows that come into view. Events are handled by the body. */
const Row = memo(function Row({ row, index, focused, columns, template, height }: RowProps) {
  return (
    <div
      role="row"
      class="vt-row"
      aria-rowindex={index + 2}
      data-index={index}
      tabIndex={focused ? 0 : -1}
      style={{ transform: `translateY(${index * height}px)`, height: `${height}px`, gridTemplateColumns: template }}
    >
      {columns.map((c) => (
        <div key={c.key} role="cell" class={`vt-cell vt-${c.align ?? 'start'}`}>{c.render(row as never)}</div>
      ))}
    </div>
  );
});

export function VirtualTable<R>({ rows, rowKey, columns, label, onOpen, rowHeight = 36, overscan = 8 }: VirtualTableProps<R>) {
  const body = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  const [focused, setFocused] = useState(0);
  const [focusPending, setFocusPending] = useState(false);
  const last = rows.length - 1;
  const current = Math.min(focused, Math.max(0, last));

  useLayoutEffect(() => {
    const el = body.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setViewport(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Moving focus by keyboard: scroll the row into view, then focus it once it is rendered.
  useEffect(() => {
    if (!focusPending) return;
    setFocusPending(false);
    body.current?.querySelector<HTMLElement>(`[data-index="${current}"]`)?.focus();
  });

  const move = (index: number) => {
    const el = body.current;
    const next = Math.max(0, Math.min(last, index));
    if (el) {
      const top = next * rowHeight;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + rowHeight - el.clientHeight;
      setScrollTop(el.scrollTop);
    }
    setFocused(next);
    setFocusPending(true);
  };

  const indexOf = (e: Event) => {
    const el = (e.target as Element).closest<HTMLElement>('[data-index]');
    return el ? Number(el.dataset.index) : -1;
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const index = indexOf(e);
    if (index < 0) return;
    if (e.key === 'Enter') return onOpen(rows[index]!);
    const step = KEY_STEPS[e.key];
    if (!step) return;
    e.preventDefault();
    move(step(index, Math.max(1, Math.floor(viewport / rowHeight) - 1), last));
  };
  const onClick = (e: MouseEvent) => {
    const index = indexOf(e);
    if (index >= 0) onOpen(rows[index]!);
  };
  const onFocusIn = (e: FocusEvent) => {
    const index = indexOf(e);
    if (index >= 0 && index !== focused) setFocused(index);
  };

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const end = Math.min(rows.length, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);
  const template = columns.map((c) => c.width).join(' ');
  const visible = [];
  for (let i = first; i < end; i++) {
    const row = rows[i]!;
    visible.push(<Row key={rowKey(row)} row={row} index={i} focused={i === current} columns={columns as Column<never>[]} template={template} height={rowHeight} />);
  }

  return (
    <div role="table" class="vt" aria-label={label} aria-rowcount={rows.length + 1}>
      <div role="rowgroup">
        <div role="row" class="vt-head" aria-rowindex={1} style={{ gridTemplateColumns: template }}>
          {columns.map((c) => (
            <div key={c.key} role="columnheader" class={`vt-cell vt-${c.align ?? 'start'}`} aria-sort={c.sort}>
              {c.onSort ? (
                <button type="button" class="vt-sort" onClick={c.onSort}>
                  {c.label}
                  <span aria-hidden="true">{c.sort === 'ascending' ? ' ▲' : c.sort === 'descending' ? ' ▼' : ''}</span>
                </button>
              ) : (
                c.label
              )}
            </div>
          ))}
        </div>
      </div>
      <div
        role="rowgroup"
        class="vt-body"
        ref={body}
        onScroll={(e) => setScrollTop((e.currentTarget as HTMLElement).scrollTop)}
        onClick={onClick}
        onKeyDown={onKeyDown}
        onFocusIn={onFocusIn}
      >
        <div class="vt-space" style={{ height: `${rows.length * rowHeight}px` }}>{visible}</div>
      </div>
    </div>
  );
}
