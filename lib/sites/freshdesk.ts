// Freshdesk: the requester's address in the ticket's contact-details widget and the ticket's CC list.
// Evidence: notes §4 (contact e-mail A; CC list B). Company name and ticket-list rows: no evidence yet.

import { emailsFrom, ruleAdapter, spec } from './select';

const requesterEmail = spec('freshdesk.requesterEmail', [
  ['[data-test-id="requester-info-contact-email"] .info-details-content', '2026-07'],
], true);

const ccEmails = spec('freshdesk.ccEmails', [['.emails-info .display_emails', '2026-07']]);

export const freshdesk = ruleAdapter(
  { id: 'freshdesk', label: 'Freshdesk', matches: ['https://*.freshdesk.com/a/*'] },
  [
    emailsFrom(requesterEmail, (el) => el.textContent),
    // One element lists every CC: the badges go at its end.
    emailsFrom(ccEmails, (el) => el.textContent, 'append'),
  ],
);
