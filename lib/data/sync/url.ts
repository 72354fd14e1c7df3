// Which URLs a source may use, and how a URL appears in messages: never with its query or credentials, where
// tokens tend to hide.

export type UrlCheck = { ok: true; url: URL } | { ok: false; message: string };

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** HTTPS only; plain http for localhost, 127.0.0.1 and [::1] (local development and tests). */
export function validateSourceUrl(raw: string): UrlCheck {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, message: 'the source URL is not a valid absolute URL (it must start with https://)' };
  }
  if (url.username || url.password)
    return { ok: false, message: `${describeUrl(url)} has a user name or password in it: put credentials in the source's authentication settings instead` };
  if (url.protocol === 'https:') return { ok: true, url };
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return { ok: true, url };
  if (url.protocol === 'http:')
    return { ok: false, message: `${describeUrl(url)} uses http://: sources must use https:// (http is allowed only for localhost, 127.0.0.1 and [::1])` };
  return { ok: false, message: `the source URL uses ${url.protocol}: sources must use https://` };
}

/** `https://host/path`, without credentials, query or fragment. */
export function describeUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}
