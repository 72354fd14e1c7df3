// HubSpot CRM: a company record's title, every link to a company record (object type 0-2: association cards,
// index name cells), the name cells of the companies index, mailto links in index e-mail cells, and addresses in
// a record's key-properties section (read as free text: HubSpot renders properties without stable per-field
// hooks). Every CRM view lives under /contacts/<portal>/ on the portal's data-centre host.
// Evidence: notes §9 (record URL pattern and index cells A; company title, chicklets, e-mail cells, key
// properties B). `seen` 2026-07 marks selectors whose sources carry no date (the month they were read).

import { freeTextIn } from './freetext';
import { byMailto, byText, ruleAdapter, spec } from './select';

const TITLE = '[data-selenium-test="highlightTitle"]';
const COMPANY_LINK = 'a[href*="/record/0-2/"]';

const companyTitle = spec('hubspot.companyTitle', [
  [`[data-selenium-test="company-highlight-details"] ${TITLE}`, '2026-03'],
  // Toggl reads the heading of any `-highlight-details` card (first revision 2024-03, still in 2026-04).
  ['[data-selenium-test="company-highlight-details"] h3', '2026-04'],
]);

const companyLink = spec('hubspot.companyLink', [
  ['a[data-selenium-test="company-chicklet-title-link"]', '2026-03'],
  [COMPANY_LINK, '2024-12'],
], true);

// The name cell of any index (Toggl 2024-09-30 "list view", still in 2026-04; TimeCamp): a company on 0-2's index.
const indexNameCell = spec('hubspot.indexNameCell', [
  ['td[data-table-external-id*="name-"] [data-test-id="truncated-object-label"]', '2026-04'],
]);

const emailCell = spec('hubspot.emailCell', [
  ['td[data-onboarding="contact-email-cell"] a[href^="mailto:"]', '2026-07'],
]);

const keyProperties = spec('hubspot.keyProperties', [['[data-selenium-test="highlightedPropertySidebar"]', '2024-12']]);

const onCompaniesIndex = (el: Element) => /\/objects\/0-2\//.test(el.ownerDocument.location?.pathname ?? '');

const HOSTS = ['app.hubspot.com', 'app-na2.hubspot.com', 'app-eu1.hubspot.com', 'app-ap1.hubspot.com'];

export const hubspot = ruleAdapter(
  { id: 'hubspot', label: 'HubSpot', matches: HOSTS.map((host) => `https://${host}/contacts/*`) },
  [
    // The heading only where it holds no title span (the span is read).
    byText(companyTitle, 'name', { when: (el) => el.localName !== 'h3' || !el.querySelector(TITLE) }),
    byText(companyLink, 'name'),
    // A record link in the cell is read as a company link.
    byText(indexNameCell, 'name', { when: (el) => onCompaniesIndex(el) && !el.closest('td')?.querySelector(COMPANY_LINK) }),
    // Inside the cell's truncating label a sibling would be cut off.
    byMailto(emailCell, 'append'),
    freeTextIn(keyProperties),
  ],
);
