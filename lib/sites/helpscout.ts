// Help Scout: no verified selector shows the customer's name or address, so the conversation's thread items
// (current UI) and customer thread headers (legacy UI) are read as free text for addresses.
// Evidence: notes §6 (thread items B, legacy threads B). Customer sidebar and conversation list: no public
// evidence of their markup. `seen` 2026-07: the thread-item source carries no date (read 2026-07).

import { freeTextIn } from './freetext';
import { ruleAdapter, spec } from './select';

const threadItem = spec('helpscout.threadItem', [
  ['ol[aria-label="Thread Items"] > li > div[id^="thread-"]', '2026-07'],
  ['article.thread.customer section.threadHeader', '2023-04'],
], true);

export const helpscout = ruleAdapter(
  { id: 'helpscout', label: 'Help Scout', matches: ['https://secure.helpscout.net/*'] },
  [freeTextIn(threadItem)],
);
