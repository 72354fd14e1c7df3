// @vitest-environment happy-dom
// Each adapter's fallback selectors on their own: the page shows only the older or alternative markup, and the
// customer is still found once, at the right element.

import { describe, expect, it } from 'vitest';
import { front } from '../../../lib/sites/front';
import { hubspot } from '../../../lib/sites/hubspot';
import { intercom } from '../../../lib/sites/intercom';
import { outlook } from '../../../lib/sites/outlook';
import { pipedrive } from '../../../lib/sites/pipedrive';
import { salesforce } from '../../../lib/sites/salesforce';
import type { SiteAdapter } from '../../../lib/sites/types';
import { zendesk } from '../../../lib/sites/zendesk';
import { loadPage } from './fixture-dom';

const load = (url: string, body: string) => loadPage(`<!doctype html><html><body>${body}</body></html>`, url);
const found = (adapter: SiteAdapter, root: ParentNode) =>
  adapter.scan(root).map((m) => [m.anchor.id || m.anchor.localName, m.value, m.placement ?? 'after']);
const scan = (adapter: SiteAdapter, url: string, body: string) => found(adapter, load(url, body));

const OUTLOOK = 'https://outlook.office.com/mail/deeplink/compose';
const chip = (id: string, text: string, attr = 'data-lpc-hover-target-id="t"') =>
  `<span id="${id}" ${attr}><span><span><span><span>${text}</span></span></span></span></span>`;

describe('outlook', () => {
  it('reads compose chips in a localised form through the textboxes without a dir', () => {
    const body = `<div role="main"><div aria-label="An" contenteditable="true" role="textbox">${chip('c1', 'Dana Wu &lt;dana.wu@acme-analytics.example&gt;')}</div>
      <div aria-label="Nachrichtentext" contenteditable="true" role="textbox" dir="ltr">${chip('m', 'Ken &lt;ken.ito@helios-solar.example&gt;')}</div></div>`;
    expect(scan(outlook, OUTLOOK, body)).toEqual([['c1', 'dana.wu@acme-analytics.example', 'append']]);
  });

  it('reads older draggable chips, and a chip nested in another chip once', () => {
    const body = `<div aria-label="To" contenteditable="true" role="textbox">${chip('d1', 'mia.chen@cobalt-health.example', 'draggable="true"')}
      <span id="outer" draggable="true">${chip('inner', 'Sam One &lt;someone@unknown-co.example&gt;')}</span></div>`;
    expect(scan(outlook, OUTLOOK, body)).toEqual([
      ['d1', 'mia.chen@cobalt-health.example', 'append'],
      ['outer', 'someone@unknown-co.example', 'append'],
    ]);
  });

  it("reads the deeplink read view's hover targets, and a From label only when it holds no hover target", () => {
    const body = `<div id="ItemReadingPaneContainer"><div aria-label="Email message">
      <span id="named" aria-label="From: Ana Silva"><span id="h" data-lpc-hover-target-id="t">Ana Silva &lt;ana.silva@borealis-logistics.example&gt;</span></span>
      <span id="bare" aria-label="From: tom.reed@borealis-logistics.example"><span>tom.reed@borealis-logistics.example</span></span></div></div>`;
    expect(scan(outlook, 'https://outlook.office.com/mail/deeplink/read/AAMk', body)).toEqual([
      ['h', 'ana.silva@borealis-logistics.example', 'after'],
      ['bare', 'tom.reed@borealis-logistics.example', 'after'],
    ]);
  });
});

describe('front', () => {
  it('reads the sender block when its handle span was renamed, and only the span when it is there', () => {
    const wrapper = (id: string, inner: string) => `<div id="${id}" class="messageViewerRecipient__StyledDetailsWrapperDiv-sc-9-1 x">${inner}</div>`;
    const body =
      wrapper('w1', '<div>Omar</div><span class="messageViewerRecipient__StyledAddressSpan-sc-9-2">Omar &lt;omar.haddad@driftwood-media.example&gt;</span>') +
      wrapper('w2', '<div>Jane</div><span id="s" class="messageViewerRecipient__StyledHandleSpan-sc-9-2">Jane &lt;jane.doe@gmail.com&gt;</span>');
    expect(scan(front, 'https://app.frontapp.com/open/cnv_1', body)).toEqual([
      ['w1', 'omar.haddad@driftwood-media.example', 'append'],
      ['s', 'jane.doe@gmail.com', 'after'],
    ]);
  });
});

describe('hubspot', () => {
  it("reads a company record's heading when it has no title span", () => {
    const body = '<div data-selenium-test="company-highlight-details"><h3 id="t">Helios Solar</h3></div>';
    expect(scan(hubspot, 'https://app.hubspot.com/contacts/1/record/0-2/9', body)).toEqual([['t', 'Helios Solar', 'after']]);
  });

  const nameCell = (inner: string) => `<table><tbody><tr><td data-table-external-id="name-9"><div class="media">${inner}</div></td></tr></tbody></table>`;
  it('reads index name cells as companies on the companies index only', () => {
    const cell = nameCell('<div id="l" data-test-id="truncated-object-label">Quartz Labs</div>');
    expect(scan(hubspot, 'https://app-ap1.hubspot.com/contacts/1/objects/0-2/views/all/list', cell)).toEqual([['l', 'Quartz Labs', 'after']]);
    expect(scan(hubspot, 'https://app-ap1.hubspot.com/contacts/1/objects/0-1/views/all/list', cell)).toEqual([]);
  });

  it('reads a name cell holding a company record link once, as the link', () => {
    const cell = nameCell('<a id="a" href="/contacts/1/record/0-2/9"><div data-test-id="truncated-object-label">Quartz Labs</div></a>');
    expect(scan(hubspot, 'https://app.hubspot.com/contacts/1/objects/0-2/views/all/list', cell)).toEqual([['a', 'Quartz Labs', 'after']]);
  });
});

describe('zendesk', () => {
  it('reads the organisation pill under its older attribute name', () => {
    const body = '<nav class="btn-group"><span id="o" data-tracking-id="tabs-nav-item-organizations">Lumen Legal</span></nav>';
    expect(scan(zendesk, 'https://acme.zendesk.com/agent/tickets/1', body)).toEqual([['o', 'Lumen Legal', 'append']]);
  });
});

describe('salesforce', () => {
  it("reads the account name by its field label, and an Aura record header's title", () => {
    const body =
      '<records-record-layout-item field-label="Account Name"><lightning-formatted-text id="f">Tidal Energy</lightning-formatted-text></records-record-layout-item>' +
      '<forcegenerated-highlightspanel_account___012___compact___view___recordlayout2><h1 class="slds-page-header__title"><span id="t" class="uiOutputText">Tidal Energy</span></h1></forcegenerated-highlightspanel_account___012___compact___view___recordlayout2>';
    expect(scan(salesforce, 'https://acme.lightning.force.com/lightning/r/Account/001/view', body)).toEqual([
      ['f', 'Tidal Energy', 'after'],
      ['t', 'Tidal Energy', 'after'],
    ]);
  });
});

describe('pipedrive', () => {
  const PERSON = 'https://acme.pipedrive.com/person/1';
  it('reads a re-rendered row inside a block on its own, in order, and a row linking to the organisation once', () => {
    const doc = load(PERSON, `<div data-testid="person-block"><div id="row"><span data-testid="field-name">Organisation</span>
      <a id="a" href="/organization/7">Nimbus Cloudworks</a> <span id="e">jon.ng@nimbus-cloudworks.example</span></div></div>`);
    expect(found(pipedrive, doc.getElementById('row')!)).toEqual([
      ['a', 'Nimbus Cloudworks', 'after'],
      ['e', 'jon.ng@nimbus-cloudworks.example', 'after'],
    ]);
  });

  it('reads nothing outside its containers, and no field other than the organisation', () => {
    const body = '<a href="/organization/7">Nimbus Cloudworks</a><div class="detailView"><div class="content"><div><span data-testid="field-name">Owner</span> <span>Alex Kim</span></div></div></div>';
    expect(scan(pipedrive, PERSON, body)).toEqual([]);
  });
});

describe('intercom', () => {
  it('reads nothing from a company marker whose row has no company link', () => {
    const body = '<div class="flex flex-row items-center"><i class="o__inbox2__company"></i><p><span>Juniper Schools</span></p></div>';
    expect(scan(intercom, 'https://app.eu.intercom.com/a/inbox/x/inbox/conversation/1', body)).toEqual([]);
  });
});
