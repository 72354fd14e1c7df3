// Freshdesk: the requester's address in the ticket's contact-details widget and the ticket's CC list; in the
// ticket list, the requester's company. The card layout writes it after the requester link as "(Company)"; the
// table layout has a Company column, found by its header's test id.
// Evidence: notes §4 (contact e-mail A; CC list B; list cards and table rows A, the company in them B). The
// contact panel's company: only custom company fields were seen (`requester-info-company-<field>`), not its name.
// `seen` 2026-07 marks selectors whose sources carry no date (the month their stored copies were read).

import { columnCells } from './columns';
import { emailsFrom, ruleAdapter, spec, type Rule } from './select';
import type { CustomerMatch } from './types';

const requesterEmail = spec('freshdesk.requesterEmail', [
  ['[data-test-id="requester-info-contact-email"] .info-details-content', '2026-07'],
], true);

const ccEmails = spec('freshdesk.ccEmails', [['.emails-info .display_emails', '2026-07']]);

const listCardInfo = spec('freshdesk.listCardInfo', [
  ['[data-test-ticket-content] .ticket-info', '2026-11'],
  ['.tickets__list .ticket-info', '2026-11'],
]);

const tableRow = spec('freshdesk.tableRow', [
  ['tr[data-test-id^="ticket-row-"]', '2026-11'],
  ['.ember-light-table tr.lt-row', '2026-11'],
]);

/** "(Acme Analytics)": the text right after the requester link, up to the next element. */
function companyAfterRequester(info: Element): CustomerMatch[] {
  const requester = info.querySelector(':scope > .user-link');
  let text = '';
  for (let node = requester?.nextSibling; node && node.nodeType !== 1; node = node.nextSibling) {
    if (node.nodeType === 3) text += (node as Text).data;
  }
  const company = /^\s*\(([^()]+)\)/.exec(text)?.[1]?.trim();
  // At the end of the line: the company is bare text, with no element of its own to follow.
  return company ? [{ anchor: info, kind: 'name', value: company, placement: 'append' }] : [];
}

const listCardCompany: Rule = { spec: listCardInfo, find: companyAfterRequester };

// Ember light table may draw its header in a table of its own, above the body's.
const tableHeaders = (row: Element): Element[] => [
  ...((row.closest('.ember-light-table') ?? row.closest('table'))?.querySelectorAll('thead th') ?? []),
];

export const freshdesk = ruleAdapter(
  { id: 'freshdesk', label: 'Freshdesk', matches: ['https://*.freshdesk.com/a/*'] },
  [
    emailsFrom(requesterEmail, (el) => el.textContent),
    // One element lists every CC: the badges go at its end.
    emailsFrom(ccEmails, (el) => el.textContent, 'append'),
    listCardCompany,
    columnCells(tableRow, {
      headers: tableHeaders,
      isColumn: (th) => th.querySelector('[data-test-id="ticket-table-view-header-company"]') !== null,
      kind: 'name',
    }),
  ],
);
