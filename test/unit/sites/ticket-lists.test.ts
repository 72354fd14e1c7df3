// @vitest-environment happy-dom
// Ticket lists name customers in one column (Zendesk views, Freshdesk's table layout) or after the requester
// (Freshdesk cards): the column is found by its header wherever the agent moved it, and nothing else is read.

import { describe, expect, it } from 'vitest';
import { freshdesk } from '../../../lib/sites/freshdesk';
import type { SiteAdapter } from '../../../lib/sites/types';
import { zendesk } from '../../../lib/sites/zendesk';
import { loadPage } from './fixture-dom';

const scan = (adapter: SiteAdapter, url: string, body: string) =>
  adapter.scan(loadPage(`<!doctype html><html><body>${body}</body></html>`, url)).map((m) => [m.anchor.localName, m.value]);

const zendeskView = (headers: string[], rows: string[][]) =>
  scan(
    zendesk,
    'https://northwind.zendesk.com/agent/filters/1',
    `<table data-test-id="generic-table"><thead><tr>${headers.map((h) => `<th><button>${h}</button></th>`).join('')}</tr></thead><tbody>
      <tr data-test-id="generic-table-rows-group-by"><td>Organization: Acme Analytics</td></tr>
      ${rows.map((r) => `<tr data-garden-id="tables.row" data-test-id="generic-table-row">${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}
    </tbody></table>`,
  );

describe('zendesk view rows', () => {
  it('reads the Organization column wherever it sits, and only ticket rows', () => {
    expect(zendeskView(['Subject', 'Organization', 'Requester'], [['Renewal', 'Acme Analytics', 'Dana Wu']])).toEqual([['td', 'Acme Analytics']]);
    expect(zendeskView(['Organization', 'Subject'], [['Helios Solar', 'Renewal'], ['', 'Login']])).toEqual([['td', 'Helios Solar']]);
  });

  it('reads nothing from a view without that column (requesters are people, not customers)', () => {
    expect(zendeskView(['Subject', 'Requester', 'Group'], [['Renewal', 'Dana Wu', 'Tier 1']])).toEqual([]);
    // A localised header: the English label is the only one the evidence shows.
    expect(zendeskView(['Betreff', 'Organisation'], [['Verlängerung', 'Acme Analytics']])).toEqual([]);
  });
});

const freshdeskTable = (headerIds: string[], cells: string[]) =>
  scan(
    freshdesk,
    'https://northwind.freshdesk.com/a/tickets/filters/all_tickets',
    `<div class="ember-light-table"><table><thead><tr>${headerIds.map((id) => `<th><span data-test-id="ticket-table-view-header-${id}">${id}</span></th>`).join('')}</tr></thead></table>
     <table><tbody><tr class="lt-row" data-test-id="ticket-row-7">${cells.map((c) => `<td class="lt-cell">${c}</td>`).join('')}</tr></tbody></table></div>`,
  );

const freshdeskCard = (info: string) =>
  scan(
    freshdesk,
    'https://northwind.freshdesk.com/a/tickets/filters/all_tickets',
    `<div class="tickets__list"><div class="list-content--main" data-test-ticket-content="7"><div class="ticket-info">${info}</div></div></div>`,
  );

describe('freshdesk ticket list', () => {
  it("reads the table's Company column through the header in the light table's separate head", () => {
    expect(freshdeskTable(['subject', 'company', 'status'], ['Renewal', 'Acme Analytics', 'Open'])).toEqual([['td', 'Acme Analytics']]);
    expect(freshdeskTable(['company', 'subject'], ['Helios Solar', 'Renewal'])).toEqual([['td', 'Helios Solar']]);
  });

  it('skips the "--" of a requester without company, and tables without a Company column', () => {
    expect(freshdeskTable(['subject', 'company'], ['Renewal', '--'])).toEqual([]);
    expect(freshdeskTable(['subject', 'contact'], ['Renewal', 'Dana Wu'])).toEqual([]);
  });

  it("reads a card's company from the parentheses right after the requester link, as one or several text nodes", () => {
    expect(freshdeskCard('<a class="user-link">Dana Wu</a> (<!---->Acme Analytics<!---->) <span>Created 2h ago</span>')).toEqual([['div', 'Acme Analytics']]);
    expect(freshdeskCard('<a class="user-link">Dana Wu</a> (Acme Analytics)')).toEqual([['div', 'Acme Analytics']]);
  });

  it('reads no company from a card whose requester has none, or from parentheses further along the line', () => {
    expect(freshdeskCard('<a class="user-link">Jane Doe</a> <span>Created 2h ago</span>')).toEqual([]);
    expect(freshdeskCard('<a class="user-link">Jane Doe</a> <span>via portal</span> (Acme Analytics)')).toEqual([]);
    expect(freshdeskCard('(Acme Analytics) <a class="user-link">Jane Doe</a>')).toEqual([]);
  });
});
