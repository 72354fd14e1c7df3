// Zendesk Agent Workspace: the organisation pill in each ticket's header nav and the requester's address in the
// customer-context panel. Every open ticket keeps its panels in the DOM (inactive ones in a display:none
// workspace); they are scanned too, so their badges are already there when the agent switches tabs.
// Evidence: notes §3 (org pill A; e-mail display B, visible once the customer-context panel is open).

import { byText, emailsFrom, ruleAdapter, spec } from './select';

const organizationPill = spec('zendesk.organizationPill', [
  ['span[data-test-id="tabs-nav-item-organizations"]', '2026-07'],
], true);

const requesterEmail = spec('zendesk.requesterEmail', [['[data-test-id="attribute-email-display"]', '2026-07']]);

export const zendesk = ruleAdapter(
  { id: 'zendesk', label: 'Zendesk', matches: ['https://*.zendesk.com/agent/*'] },
  [
    // Inside the pill: it sits in a button group that lays its children out as segments.
    byText(organizationPill, 'name', { placement: 'append' }),
    emailsFrom(requesterEmail, (el) => el.textContent),
  ],
);
