// Intercom inbox: the open conversation's company (its row carries an `.o__inbox2__company` marker; the name is
// the row's link text) and the addresses shown in the details sidebar (its inner fields are not known, so the
// sidebar is read as free text). Workspaces are hosted in the US, the EU or Australia.
// Evidence: notes §5 (company: Clockify intercom.js revision 6345fe8, 2023-03, B; sidebar container: "Intercom
// Focus", selectors stated as verified May 2026, B). Conversation-list rows: no public evidence of their markup.

import { freeTextIn } from './freetext';
import { ruleAdapter, spec, type Rule } from './select';
import { textOf } from './text';
import type { CustomerMatch } from './types';

const companyMarker = spec('intercom.companyMarker', [['.o__inbox2__company', '2023-03']]);

const detailsSidebar = spec('intercom.detailsSidebar', [
  ['.inbox2__conversation-details-sidebar', '2026-05'],
  ['[data-resize-target][data-resize-min-width="300"]', '2026-05'],
], true);

/** The company link of the marker's row: `p > span > a > span` holds the name; the badge follows the link. */
function companyOfRow(marker: Element): CustomerMatch[] {
  const name = marker.closest('.flex.flex-row.items-center')?.querySelector('p > span > a > span');
  const value = name ? textOf(name) : null;
  return name && value ? [{ anchor: name.closest('a') ?? name, kind: 'name', value }] : [];
}

const company: Rule = { spec: companyMarker, find: companyOfRow };

export const intercom = ruleAdapter(
  {
    id: 'intercom',
    label: 'Intercom',
    matches: ['https://app.intercom.com/a/*', 'https://app.eu.intercom.com/a/*', 'https://app.au.intercom.com/a/*'],
  },
  [company, freeTextIn(detailsSidebar)],
);
