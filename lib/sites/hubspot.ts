// HubSpot CRM: a company record's title, every link to a company record (object type 0-2: association cards,
// index name cells), mailto links in index e-mail cells, and addresses in a record's key-properties section
// (read as free text: HubSpot renders properties without stable per-field hooks).
// Evidence: notes §9 (record URL pattern and index cells A; company title, chicklets, e-mail cells, key
// properties B).

import { freeTextIn } from './freetext';
import { byMailto, byText, ruleAdapter, spec } from './select';

const companyTitle = spec('hubspot.companyTitle', [
  ['[data-selenium-test="company-highlight-details"] [data-selenium-test="highlightTitle"]', '2026-03'],
]);

const companyLink = spec('hubspot.companyLink', [
  ['a[data-selenium-test="company-chicklet-title-link"]', '2026-03'],
  ['a[href*="/record/0-2/"]', '2024-12'],
], true);

const emailCell = spec('hubspot.emailCell', [
  ['td[data-onboarding="contact-email-cell"] a[href^="mailto:"]', '2026-07'],
]);

const keyProperties = spec('hubspot.keyProperties', [['[data-selenium-test="highlightedPropertySidebar"]', '2024-12']]);

export const hubspot = ruleAdapter(
  { id: 'hubspot', label: 'HubSpot', matches: ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*'] },
  [
    byText(companyTitle, 'name'),
    byText(companyLink, 'name'),
    // Inside the cell's truncating label a sibling would be cut off.
    byMailto(emailCell, 'append'),
    freeTextIn(keyProperties),
  ],
);
