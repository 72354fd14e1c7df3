// The adapter contract: one host app = one file in lib/sites/ exporting a SiteAdapter.
// The page runner (lib/page) observes the DOM, calls scan() on changed roots, batches the identities it
// returns into one lookup, and places badges. Adapters only find customers; they never render or message.

export type IdentityKind = 'email' | 'domain' | 'name';

/** Where the badge goes relative to the anchor element. */
export type Placement = 'after' | 'append';

export interface CustomerMatch {
  /** The element that shows the customer (a sender span, a requester field, an account name cell). */
  anchor: Element;
  kind: IdentityKind;
  /** Raw identifier as the page shows it (the runner normalises it). */
  value: string;
  placement?: Placement;
}

/**
 * A selector the adapter depends on, with dated fallbacks for older versions of the host app's DOM.
 * `seen` is the date (YYYY-MM) the selector was last confirmed in public code or the real app.
 */
export interface SelectorSpec {
  name: string;
  selectors: { css: string; seen: string }[];
  /** A required selector that matches nothing on a page where the adapter is active gets reported by name. */
  required?: boolean;
}

export interface SiteAdapter {
  id: string;
  label: string;
  /** Match patterns for the manifest: the narrowest that work (tenant subdomains spelled out). */
  matches: string[];
  /** Whether customers live inside open shadow roots (Salesforce Lightning web components). */
  piercesShadow?: boolean;
  /** Finds customers inside root. The runner de-duplicates by anchor, so scanning twice is harmless. */
  scan(root: ParentNode): CustomerMatch[];
}
