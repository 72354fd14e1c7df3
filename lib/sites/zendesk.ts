// Zendesk Agent Workspace: the organisation pill in each ticket's header nav and the requester's address in the
// customer-context panel. Every open ticket keeps its panels in the DOM (inactive ones in a display:none
// workspace); they are scanned too, so their badges are already there when the agent switches tabs.
// Views and search results list one ticket per table row; a row names the customer only in the view's
// Organization column (the Requester column shows a person's name), found by its header label (English UI).
// Evidence: notes §3 (org pill A; e-mail display B, visible once the customer-context panel is open; view rows
// A; Organization column shape inferred from the Requester and Group cells, B). `seen` 2026-07 marks selectors
// whose sources carry no date (the month their stored copies were read).

import { columnCells } from './columns';
import { byText, emailsFrom, ruleAdapter, spec } from './select';
import { textOf } from './text';

const organizationPill = spec('zendesk.organizationPill', [
  ['span[data-test-id="tabs-nav-item-organizations"]', '2026-07'],
  // The same pill under its older attribute name, inside `nav.btn-group` (TLmanaGer extension, id16008120522).
  ['nav.btn-group [data-tracking-id="tabs-nav-item-organizations"]', '2026-07'],
], true);

const requesterEmail = spec('zendesk.requesterEmail', [['[data-test-id="attribute-email-display"]', '2026-07']]);

// Ticket rows only: group rows (`generic-table-rows-group-by`) share the tbody.
const viewRow = spec('zendesk.viewRow', [
  ['tr[data-garden-id="tables.row"][data-test-id="generic-table-row"]', '2026-09'],
  ['table[data-test-id="generic-table"] tr[data-test-id="generic-table-row"]', '2025-06'],
]);

const headerCells = (row: Element): Element[] => [...(row.closest('table')?.querySelectorAll(':scope > thead > tr > th') ?? [])];

export const zendesk = ruleAdapter(
  { id: 'zendesk', label: 'Zendesk', matches: ['https://*.zendesk.com/agent/*'] },
  [
    // Inside the pill: it sits in a button group that lays its children out as segments.
    byText(organizationPill, 'name', { placement: 'append' }),
    emailsFrom(requesterEmail, (el) => el.textContent),
    columnCells(viewRow, { headers: headerCells, isColumn: (th) => textOf(th) === 'Organization', kind: 'name' }),
  ],
);
