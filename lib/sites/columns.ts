// Customers in one column of a ticket table (Zendesk views, Freshdesk's table layout): rows are a spec's
// elements and the column is found through its header, so the cell is still found when the agent reorders,
// adds or removes columns. Rows hold one cell per header, as both apps render them (no spans).

import type { Rule } from './select';
import { textOf } from './text';
import type { IdentityKind, SelectorSpec } from './types';

export interface ColumnOptions {
  /** The header cells of the row's table, in column order. */
  headers(row: Element): Element[];
  /** Whether a header cell heads the customer column. */
  isColumn(header: Element): boolean;
  kind: IdentityKind;
}

// Empty-value placeholders ("--", "–") carry no letter or digit.
const HAS_WORD = /[\p{L}\p{N}]/u;

/** The cell under the customer column's header, badged inside (a cell is as wide as its column). */
export function columnCells(spec: SelectorSpec, options: ColumnOptions): Rule {
  return {
    spec,
    find: (row) => {
      const index = options.headers(row).findIndex(options.isColumn);
      const cell = index < 0 ? undefined : row.children[index];
      const value = cell ? textOf(cell) : null;
      return cell && value && HAS_WORD.test(value) ? [{ anchor: cell, kind: options.kind, value, placement: 'append' }] : [];
    },
  };
}
