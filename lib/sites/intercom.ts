// Intercom inbox: the company line of the open conversation and addresses shown in the details sidebar (its
// inner fields are not known, so the sidebar is read as free text). Evidence: notes §5 (company B, dated
// 2023-03; sidebar container B). Conversation-list rows: no evidence yet.

import { freeTextIn } from './freetext';
import { byText, ruleAdapter, spec } from './select';

const company = spec('intercom.company', [['.o__inbox2__company', '2023-03']]);

const detailsSidebar = spec('intercom.detailsSidebar', [
  ['.inbox2__conversation-details-sidebar', '2026-05'],
  ['[data-resize-target][data-resize-min-width="300"]', '2026-05'],
], true);

export const intercom = ruleAdapter(
  { id: 'intercom', label: 'Intercom', matches: ['https://app.intercom.com/a/*'] },
  [byText(company, 'name'), freeTextIn(detailsSidebar)],
);
