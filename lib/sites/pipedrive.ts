// Pipedrive: in the person and organisation blocks of the deal sidebar and in a contact's detail view, addresses
// read as free text (field rows carry a `field-name` label, values have no stable hook) and organisation names:
// links to organisation records (/organization/<id>, in any language) and the value of an "Organization" field
// (English UI). Everything is read within those containers, so a re-rendered row is read on its own.
// Evidence: notes §10 (blocks B; detail view B; field-name rows A; organisation URLs A; the org link inside the
// organisation block and the field's value markup inferred). Organisation page header: no public evidence.
// `seen` 2026-07 marks selectors whose sources carry no date (the month their stored copies were read).

import { scanFreeText } from './freetext';
import { ruleAdapter, spec, type Rule } from './select';
import { textOf } from './text';
import type { CustomerMatch } from './types';

const contactFields = spec('pipedrive.contactFields', [
  ['[data-testid="person-block"]', '2026-07'],
  ['[data-testid="organization-block"]', '2026-07'],
  ['.detailView .content', '2026-03'],
], true);

// Organisation record URLs as other tools build them (https://<company>.pipedrive.com/organization/<id>).
const ORGANIZATION_LINK = 'a[href*="/organization/"]';
// A field row's label; its value is the rest of the row (id59697294055).
const FIELD_NAME = '[data-testid="field-name"]';
const ORGANIZATION_LABELS = new Set(['organization', 'organisation']);

/** Elements under root (root included) matching css. */
const within = (root: Element, css: string): Element[] => [...(root.matches(css) ? [root] : []), ...root.querySelectorAll(css)];

const nameOf = (anchor: Element): CustomerMatch[] => {
  const value = textOf(anchor);
  return value ? [{ anchor, kind: 'name', value }] : [];
};

/** The value next to an "Organization" label, unless the row links to the record (the link is read). */
function organizationField(label: Element): CustomerMatch[] {
  const value = label.nextElementSibling;
  if (!value || !ORGANIZATION_LABELS.has(textOf(label)?.toLowerCase() ?? '')) return [];
  return label.parentElement?.querySelector(ORGANIZATION_LINK) ? [] : nameOf(value);
}

const byPosition = (a: CustomerMatch, b: CustomerMatch) =>
  a.anchor === b.anchor ? 0 : a.anchor.compareDocumentPosition(b.anchor) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;

const fields: Rule = {
  spec: contactFields,
  scoped: true,
  find: (el) =>
    [
      ...scanFreeText(el),
      ...within(el, ORGANIZATION_LINK).flatMap(nameOf),
      ...within(el, FIELD_NAME).flatMap(organizationField),
    ].sort(byPosition),
};

export const pipedrive = ruleAdapter({ id: 'pipedrive', label: 'Pipedrive', matches: ['https://*.pipedrive.com/*'] }, [fields]);
