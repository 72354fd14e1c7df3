// Pipedrive: addresses in the person and organisation blocks of the deal sidebar and in a contact's detail
// view, read as free text (field rows carry a `field-name` label, values have no stable hook).
// Evidence: notes §10 (blocks B; detail view B; field-name rows A). Organisation names: no evidence yet.

import { freeTextIn } from './freetext';
import { ruleAdapter, spec } from './select';

const contactFields = spec('pipedrive.contactFields', [
  ['[data-testid="person-block"]', '2026-07'],
  ['[data-testid="organization-block"]', '2026-07'],
  ['.detailView .content', '2026-03'],
], true);

export const pipedrive = ruleAdapter(
  { id: 'pipedrive', label: 'Pipedrive', matches: ['https://*.pipedrive.com/*'] },
  [freeTextIn(contactFields)],
);
