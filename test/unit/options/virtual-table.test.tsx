// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { VirtualTable } from '../../../components/VirtualTable';

interface Item {
  id: string;
  n: number;
}
const items: Item[] = Array.from({ length: 100_000 }, (_, n) => ({ id: `r${n}`, n }));
const columns = [{ key: 'n', label: 'Number', width: '1fr', render: (r: Item) => String(r.n) }];

let host: HTMLElement;
afterEach(() => {
  render(null, host);
  host.remove();
});

function mount(onOpen = vi.fn()) {
  host = document.createElement('div');
  document.body.append(host);
  act(() => render(<VirtualTable rows={items} rowKey={(r) => r.id} columns={columns} label="Numbers" onOpen={onOpen} rowHeight={30} />, host));
  const body = host.querySelector<HTMLElement>('.vt-body')!;
  const shown = () => [...host.querySelectorAll<HTMLElement>('.vt-body [role="row"]')].map((r) => Number(r.dataset.index));
  return { body, shown, onOpen };
}

describe('virtualised table', () => {
  test('keeps only the rows in view (and a few more) in the DOM, and says how many there are', () => {
    const { shown } = mount();
    expect(shown().length).toBeGreaterThan(10);
    expect(shown().length).toBeLessThan(60);
    expect(shown()[0]).toBe(0);
    expect(host.querySelector('[role="table"]')?.getAttribute('aria-rowcount')).toBe('100001');
    expect(host.querySelector<HTMLElement>('.vt-space')!.style.height).toBe('3000000px');
  });

  test('scrolling renders the rows at the new position', () => {
    const { body, shown } = mount();
    act(() => {
      body.scrollTop = 50_000 * 30;
      body.dispatchEvent(new Event('scroll'));
    });
    expect(shown()).toContain(50_000);
    expect(shown()).not.toContain(0);
    expect(shown().length).toBeLessThan(60);
  });

  test('arrow keys and End move the focusable row; Enter and a click open a row', () => {
    const { body, onOpen } = mount();
    const focusable = () => host.querySelector<HTMLElement>('.vt-body [tabindex="0"]')!;
    expect(focusable().dataset.index).toBe('0');
    act(() => void focusable().dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true })));
    expect(focusable().dataset.index).toBe('1');
    act(() => void focusable().dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true })));
    expect(body.scrollTop).toBeGreaterThan(0);
    act(() => void body.dispatchEvent(new Event('scroll')));
    expect(focusable().dataset.index).toBe('99999');
    act(() => void focusable().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    expect(onOpen).toHaveBeenLastCalledWith(items[99_999]);
    act(() => host.querySelector<HTMLElement>('[data-index="99998"] [role="cell"]')!.click());
    expect(onOpen).toHaveBeenLastCalledWith(items[99_998]);
  });

  test('a sortable column header is a button and states its order', () => {
    const onSort = vi.fn();
    host = document.createElement('div');
    document.body.append(host);
    act(() => render(<VirtualTable rows={items.slice(0, 3)} rowKey={(r) => r.id} columns={[{ ...columns[0]!, sort: 'descending', onSort }]} label="Numbers" onOpen={() => {}} />, host));
    const header = host.querySelector('[role="columnheader"]')!;
    expect(header.getAttribute('aria-sort')).toBe('descending');
    act(() => header.querySelector('button')!.click());
    expect(onSort).toHaveBeenCalledOnce();
  });
});
