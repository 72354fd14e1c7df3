// How customers are recognised: normalised emails, email domains and company names.
// Pure and small: imported by content scripts, the background, import and the CLI alike.

/** Free-mail and ISP domains: a contact at one of these says nothing about which company they work for. */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'hotmail.co.uk', 'live.com', 'msn.com',
  'yahoo.com', 'yahoo.co.uk', 'yahoo.fr', 'ymail.com', 'aol.com', 'icloud.com', 'me.com', 'mac.com',
  'proton.me', 'protonmail.com', 'pm.me', 'gmx.com', 'gmx.de', 'gmx.net', 'web.de', 'mail.com', 'zoho.com',
  'yandex.com', 'yandex.ru', 'mail.ru', 'qq.com', '163.com', '126.com', 'fastmail.com', 'hey.com',
  'tutanota.com', 'orange.fr', 'free.fr', 'laposte.net', 't-online.de', 'libero.it', 'comcast.net',
]);

// Deliberately simple: local part without spaces or angle brackets, a dotted domain with a 2+ letter TLD.
const EMAIL_SHAPE = /^[^\s@<>()[\]\\,;:"]+@([a-z0-9-]+\.)+[a-z]{2,}$/;

/** Lower-cased, trimmed address with a leading `mailto:` and any `?query` removed; null when not an email. */
export function normalizeEmail(raw: string): string | null {
  let s = raw.trim().toLowerCase();
  if (s.startsWith('mailto:')) s = s.slice(7);
  const q = s.indexOf('?');
  if (q >= 0) s = s.slice(0, q);
  try {
    s = decodeURIComponent(s);
  } catch {
    return null;
  }
  return EMAIL_SHAPE.test(s) ? s : null;
}

/** The domain of a normalised email. */
export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1);
}

/** `https://www.Acme.com/x` or `acme.com` → `acme.com`; null when it is not a domain. */
export function normalizeDomain(raw: string): string | null {
  let s = raw.trim().toLowerCase();
  s = s.replace(/^[a-z]+:\/\//, '').replace(/[/?#].*$/, '').replace(/:\d+$/, '').replace(/^www\./, '');
  return /^([a-z0-9-]+\.)+[a-z]{2,}$/.test(s) ? s : null;
}

export function isFreeMailDomain(domain: string): boolean {
  return FREE_MAIL_DOMAINS.has(domain);
}

const LEGAL_SUFFIXES = new Set([
  'inc', 'incorporated', 'llc', 'llp', 'lp', 'ltd', 'limited', 'plc', 'corp', 'corporation', 'co', 'company',
  'gmbh', 'ag', 'kg', 'ug', 'sa', 'sas', 'sarl', 'srl', 'spa', 'bv', 'nv', 'oy', 'ab', 'as', 'aps', 'pty', 'kk',
  'sl', 'se',
]);

/** `Acme, Inc.` and `ACME inc` → `acme`. Case, accents, punctuation and trailing legal suffixes are dropped. */
export function normalizeCompanyName(raw: string): string | null {
  const words = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\./g, '') // "S.A." and "Co." read as "sa" and "co"
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  // Trailing legal forms go, with the "and" joining them ("GmbH & Co. KG").
  let stripped = false;
  while (words.length > 1) {
    const last = words[words.length - 1]!;
    if (!LEGAL_SUFFIXES.has(last) && !(stripped && last === 'and')) break;
    words.pop();
    stripped = true;
  }
  const name = words.join(' ');
  return name.length >= 2 ? name : null;
}

export type IdentityKey = `email:${string}` | `domain:${string}` | `name:${string}`;

export const emailKey = (email: string): IdentityKey => `email:${email}`;
export const domainKey = (domain: string): IdentityKey => `domain:${domain}`;
export const nameKey = (name: string): IdentityKey => `name:${name}`;

/** Every identity key that should point at an account with these domains, contacts and name. */
export function accountIdentityKeys(account: { name: string; domains: string[]; contacts: string[] }): IdentityKey[] {
  const keys = new Set<IdentityKey>();
  for (const d of account.domains) {
    const domain = normalizeDomain(d);
    if (domain && !isFreeMailDomain(domain)) keys.add(domainKey(domain));
  }
  for (const c of account.contacts) {
    const email = normalizeEmail(c);
    if (email) keys.add(emailKey(email));
  }
  const name = normalizeCompanyName(account.name);
  if (name) keys.add(nameKey(name));
  return [...keys];
}
