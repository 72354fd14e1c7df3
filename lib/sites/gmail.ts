// Gmail: people carry their address in an `email` attribute (thread rows, message headers, recipients);
// compose chips carry it in `data-hovercard-id`. Evidence: notes §1 (InboxSDK, many scrapers; confidence A).

import { byAttribute, ruleAdapter, spec } from './select';

const rowParticipant = spec('gmail.rowParticipant', [
  ['tr.zA .yW span[email]', '2025-07'],
  ['tr.zA span[email][name]', '2025-07'],
], true);

const messageSender = spec('gmail.messageSender', [
  ['div.adn span.gD[email]', '2025-11'],
  ['div.adn td.gF span[email]', '2025-11'],
]);

const messageRecipient = spec('gmail.messageRecipient', [['div.adn .hb span[email]', '2025-11']]);

// Chip markup since Gmail's 2021-10 compose redesign, as InboxSDK reads it (`data-name`, `data-hovercard-id`).
const composeRecipient = spec('gmail.composeRecipient', [
  ['.GS .anm[name] [role=listbox] [role=option][data-hovercard-id]', '2021-10'],
]);

export const gmail = ruleAdapter(
  { id: 'gmail', label: 'Gmail', matches: ['https://mail.google.com/*'] },
  [
    byAttribute(rowParticipant, 'email', 'email'),
    byAttribute(messageSender, 'email', 'email'),
    byAttribute(messageRecipient, 'email', 'email'),
    // Inside the chip: a sibling would land among the listbox's options.
    byAttribute(composeRecipient, 'email', 'data-hovercard-id', 'append'),
  ],
);
