// Front: each message's sender block (styled-components classes, matched by prefix because the hash suffix
// changes per deploy) shows the sender's handle "Name <address>" and, for known contacts, the account name.
// Evidence: notes §7 (sender wrapper A; handle and data-account-name B). Conversation list: no evidence yet.

import { byAttribute, emailsFrom, ruleAdapter, spec } from './select';

const senderHandle = spec('front.senderHandle', [['[class*="messageViewerRecipient__StyledHandleSpan"]', '2026-02']], true);

const senderAccount = spec('front.senderAccount', [
  ['[class*="messageViewerRecipient__StyledDetailsWrapperDiv"] [data-account-name]', '2026-02'],
]);

export const front = ruleAdapter(
  { id: 'front', label: 'Front', matches: ['https://app.frontapp.com/*'] },
  [
    emailsFrom(senderHandle, (el) => el.textContent),
    byAttribute(senderAccount, 'name', 'data-account-name'),
  ],
);
