// Any site the user enables: email addresses in text, mailto links and links to other sites' domains.
// One TreeWalker pass; the background decides which of these are customers.

import { scanFreeText } from './freetext';
import type { SiteAdapter } from './types';

export const generic: SiteAdapter = {
  id: 'generic',
  label: 'Any site you enable',
  // Registered at runtime for the origins the user grants; never declared in the manifest.
  matches: [],
  scan: (root) => scanFreeText(root, { linkDomains: true }),
};
