// Outlook on the web: the sender address a message-list row exposes in a `title`, and the addresses in an
// open message's "From: / To: / Cc: " aria-labels (English UI only — a localised Outlook uses other words).
// Evidence: notes §2 (rows A, row address B; reading-pane labels B). Compose recipients: no evidence yet.

import { emailsFrom, ruleAdapter, spec } from './select';

const rowSender = spec('outlook.rowSender', [['div[role="option"][data-convid] [title*="@"]', '2026-07']], true);

const messageParticipants = spec('outlook.messageParticipants', [
  ['div[aria-label="Email message"] :is([aria-label^="From: "], [aria-label^="To: "], [aria-label^="Cc: "])', '2026-07'],
]);

export const outlook = ruleAdapter(
  {
    id: 'outlook',
    label: 'Outlook',
    matches: [
      'https://outlook.office.com/*',
      'https://outlook.office365.com/*',
      'https://outlook.live.com/*',
      'https://outlook.cloud.microsoft/*',
    ],
  },
  [
    emailsFrom(rowSender, (el) => el.getAttribute('title')),
    emailsFrom(messageParticipants, (el) => el.getAttribute('aria-label')),
  ],
);
