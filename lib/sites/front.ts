// Front: each message's sender block (styled-components classes, matched by prefix because the hash suffix
// changes per deploy) shows the sender's handle "Name <address>" and, for known contacts, the account name.
// If the handle span is renamed, the sender block itself still shows the handle: it is read for addresses then.
// Evidence: notes §7 (sender block: Clockify front.js 2022-01…2023-01 and "Central", Front's DOM as of Feb 2026,
// A; handle and data-account-name: Central, B). Conversation list and contact panel: no public evidence of their
// markup.

import { byAttribute, ruleAdapter, spec, type Rule } from './select';
import { emailsIn } from './text';

const HANDLE = '[class*="messageViewerRecipient__StyledHandleSpan"]';
const DETAILS = '[class*="messageViewerRecipient__StyledDetailsWrapperDiv"]';

const senderHandle = spec('front.senderHandle', [[HANDLE, '2026-02'], [DETAILS, '2023-01']], true);

const senderAccount = spec('front.senderAccount', [[`${DETAILS} [data-account-name]`, '2026-02']]);

/** The handle's addresses; the sender block only when it has no handle span of its own (the span is read). */
const handle: Rule = {
  spec: senderHandle,
  find: (el) => {
    const block = !el.matches(HANDLE);
    if (block && el.querySelector(HANDLE)) return [];
    return emailsIn(el.textContent ?? '').map((value) =>
      block ? { anchor: el, kind: 'email', value, placement: 'append' } : { anchor: el, kind: 'email', value },
    );
  },
};

export const front = ruleAdapter(
  { id: 'front', label: 'Front', matches: ['https://app.frontapp.com/*'] },
  [handle, byAttribute(senderAccount, 'name', 'data-account-name')],
);
