// Salesforce Lightning: account lookups and account-name links (anywhere: record details, related lists, list
// views), the account record's own title, and e-mail fields. Works in each open shadow root on its own, for
// native-shadow components, and in the light DOM of synthetic-shadow pages; hidden cached record views are
// scanned too (they come back as they were). Evidence: notes §8 (A unless noted). `seen` 2026-07 marks selectors
// whose sources carry no date (the month their stored copies were read).

import { byMailto, byText, ruleAdapter, spec } from './select';

// Record id prefix 001 = Account; lookups link to /lightning/r/Account/<id>/view or /lightning/r/<id>/view.
const accountLink = spec('salesforce.accountLink', [
  ['a[href*="/lightning/r/Account/"]', '2026-07'],
  ['a[href*="/lightning/r/001"]', '2026-07'],
], true);

const accountNameField = spec('salesforce.accountNameField', [
  ['[data-target-selection-name="sfdc:RecordField.Account.Name"] lightning-formatted-text', '2026-07'],
  // The same field found by its visible label (English layouts only; id20413947705, id65745885791).
  ['records-record-layout-item[field-label="Account Name"] lightning-formatted-text', '2026-07'],
]);

const recordTitle = spec('salesforce.recordTitle', [
  ['.slds-page-header__title lightning-formatted-text', '2021-12'],
  // Aura record headers before Lightning web components (Toggl force.js, 2021-12).
  ['.slds-page-header__title .uiOutputText', '2021-12'],
]);

// Native shadow: the link sits alone in lightning-formatted-email's shadow root, so no ancestor can be named.
const emailField = spec('salesforce.emailField', [
  ['lightning-formatted-email a[href^="mailto:"]', '2026-07'],
  ['a[href^="mailto:"]', '2024-01'],
]);

const ACCOUNT_HIGHLIGHTS = 'forcegenerated-highlightspanel_account___';

/** Whether el sits in an account's highlights panel, looking through shadow roots to their hosts. */
function inAccountHighlights(el: Element): boolean {
  for (let node: Node | null = el; node; ) {
    if (node.nodeType === 1 && (node as Element).localName.startsWith(ACCOUNT_HIGHLIGHTS)) return true;
    node = node.nodeType === 11 ? (node as ShadowRoot).host : node.parentNode;
  }
  return false;
}

const ASSISTIVE = '.slds-assistive-text';

export const salesforce = ruleAdapter(
  { id: 'salesforce', label: 'Salesforce', matches: ['https://*.lightning.force.com/*'], piercesShadow: true },
  [
    byText(accountLink, 'name', { ignore: ASSISTIVE }),
    byText(accountNameField, 'name'),
    byText(recordTitle, 'name', { when: inAccountHighlights }),
    byMailto(emailField),
  ],
);
