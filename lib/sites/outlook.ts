// Outlook on the web: the sender address a message-list row exposes in a `title`; in an open conversation, the
// people's hover targets (persona cards), whose text is "Name <address>" for everyone but the mailbox owner; the
// addresses of a "From:/To:/Cc:" aria-label (English UI) that names a sender who has no display name; and the
// recipient chips of a compose form ("Name <address>", a typed address alone, or a same-tenant name only).
// Everything lives under /mail/ (list, reading pane, /mail/compose/…, /mail/deeplink/read|compose).
// Evidence: notes §2 and the fixtures' headers. `seen` is the month of the newest dated source (a commit or PR
// date, or the date a source states for its capture); 2026-07 marks selectors whose sources carry no date (the
// month their stored copies were read).

import { emailsIn } from './text';
import { emailsFrom, ruleAdapter, spec, type Rule } from './select';
import type { CustomerMatch, Placement, SelectorSpec } from './types';

const rowSender = spec('outlook.rowSender', [
  // Rows mapped on a live mailbox 2026-07-27 (id62057940858); the address on a [title] (id71397285178).
  ['div[role="option"][data-convid] [title*="@"]', '2026-07'],
  // The same rows read through their roles only (id52071930593, undated).
  ['[role="listbox"] [role="option"] span[title*="@"]', '2026-07'],
], true);

// Compose To/Cc/Bcc fields are contenteditable textboxes holding one persona chip per recipient.
const CHIP = '[data-lpc-hover-target-id], [draggable="true"]';
const composeRecipient = spec('outlook.composeRecipient', [
  // English aria-labels of the fields (id53355055931, id22446128711, id38876003290).
  ['div:is([aria-label="To"], [aria-label="Cc"], [aria-label="Bcc"])[contenteditable="true"] span[data-lpc-hover-target-id]', '2026-07'],
  // Any language: the fields are the textboxes without a `dir` (the body has one); Briskine PR #568, 2025-06.
  ['[role="textbox"][contenteditable="true"]:not([dir]) [data-lpc-hover-target-id]', '2025-06'],
  // Chips before persona hover targets, and names shown next to addresses again (Briskine PR #511, 2023-09).
  ['[role="textbox"][contenteditable="true"]:not([dir]) [draggable="true"]', '2023-09'],
]);

// Persona hover targets of an open conversation or item (MaxAI's two revisions, MailSentinel; avatars carry the
// same attribute with no text, so they name no address).
const messageParticipant = spec('outlook.messageParticipant', [
  ['[data-app-section="ConversationContainer"] span[data-lpc-hover-target-id]', '2026-07'],
  // The deeplink read view's item pane (live-mapped 2026-07-30, id62057940858).
  ['#ItemReadingPaneContainer span[data-lpc-hover-target-id]', '2026-07'],
]);

// "From: sender@example.com" when the sender has no display name (Mailvelope's Outlook fixtures); with a display
// name the label names only the person ("From: Ramp", id53355055931) and the hover target inside it is read.
const headerLabel = spec('outlook.headerLabel', [
  ['div[aria-label="Email message"] :is([aria-label^="From: "], [aria-label^="To: "], [aria-label^="Cc: "])', '2026-07'],
]);

const emailsOf = (el: Element): string[] => {
  const inText = emailsIn(el.textContent ?? '');
  return inText.length ? inText : emailsIn(el.getAttribute('aria-label') ?? '');
};

const matchesOf = (el: Element, placement?: Placement): CustomerMatch[] =>
  emailsOf(el).map((value) => (placement ? { anchor: el, kind: 'email', value, placement } : { anchor: el, kind: 'email', value }));

/** A chip, unless it sits inside another chip of the same field (the outer one is read). */
function chips(chipSpec: SelectorSpec): Rule {
  return {
    spec: chipSpec,
    // Inside the chip: a sibling would land in the editable field's text.
    find: (el) => (el.parentElement?.closest(`[contenteditable="true"] :is(${CHIP})`) ? [] : matchesOf(el, 'append')),
  };
}

const labelWithoutHoverTarget: Rule = {
  spec: headerLabel,
  find: (el) => (el.querySelector('[data-lpc-hover-target-id]') ? [] : matchesOf(el)),
};

export const outlook = ruleAdapter(
  {
    id: 'outlook',
    label: 'Outlook',
    matches: [
      'https://outlook.office.com/mail/*',
      'https://outlook.office365.com/mail/*',
      'https://outlook.live.com/mail/*',
      'https://outlook.cloud.microsoft/mail/*',
    ],
  },
  [
    emailsFrom(rowSender, (el) => el.getAttribute('title')),
    // Before the reading pane's rule: an inline reply's chips sit inside the conversation.
    chips(composeRecipient),
    { spec: messageParticipant, find: (el) => matchesOf(el) },
    labelWithoutHoverTarget,
  ],
);
