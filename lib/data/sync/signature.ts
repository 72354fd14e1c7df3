// Signed sources: when an admin pins an ECDSA P-256 public key, a body is accepted only with a valid detached
// signature: base64 of the raw (IEEE P1363, r‖s, 64 bytes) ECDSA-SHA-256 signature over the exact body bytes,
// from the X-Healthmark-Signature header or from `<url>.sig`. WebCrypto only (browsers, workers, Node 20).
import { type Bytes, type FetchLimits, type SyncError, fetchSource } from './fetch';
import type { SourceAuth } from './source';
import { describeUrl } from './url';

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNATURE_BYTES = 64;
const MAX_SIGNATURE_FILE = 4096;

type KeyResult = { ok: true; key: CryptoKey } | { ok: false; error: SyncError };

function base64Bytes(text: string): Bytes | null {
  const clean = text.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return null;
  try {
    return Uint8Array.from(atob(clean.padEnd(Math.ceil(clean.length / 4) * 4, '=')), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** SPKI as PEM (`-----BEGIN PUBLIC KEY-----`) or bare base64, or a JWK as JSON. */
export async function importPublicKey(text: string): Promise<KeyResult> {
  const problem = (reason: string): KeyResult => ({
    ok: false,
    error: { kind: 'signature', message: `the pinned public key is not an ECDSA P-256 key as SPKI (PEM or base64) or JWK: ${reason}` },
  });
  const trimmed = text.trim();
  try {
    if (trimmed.startsWith('{')) {
      let jwk: JsonWebKey;
      try {
        jwk = JSON.parse(trimmed) as JsonWebKey;
      } catch {
        return problem('it starts like a JWK but is not valid JSON');
      }
      return { ok: true, key: await crypto.subtle.importKey('jwk', jwk, ALGORITHM, false, ['verify']) };
    }
    const der = base64Bytes(trimmed.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, ''));
    if (!der || der.length === 0) return problem('it is neither base64 nor JSON');
    return { ok: true, key: await crypto.subtle.importKey('spki', der, ALGORITHM, false, ['verify']) };
  } catch (error) {
    return problem(error instanceof Error ? error.message : String(error));
  }
}

/** Null when the signature is valid; otherwise what is wrong with it. */
export async function verifySignature(key: CryptoKey, body: Bytes, signatureBase64: string): Promise<string | null> {
  const signature = base64Bytes(signatureBase64);
  if (!signature) return 'the signature is not base64';
  if (signature.length !== SIGNATURE_BYTES)
    return `the signature has ${signature.length} bytes; expected ${SIGNATURE_BYTES} (raw r‖s, IEEE P1363 — not DER)`;
  const valid = await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, signature, body);
  return valid ? null : 'the signature does not match the body and the pinned public key';
}

/** `https://host/config.json?x` → `https://host/config.json.sig?x` */
export function signatureUrl(url: string): URL {
  const sig = new URL(url);
  sig.pathname += '.sig';
  return sig;
}

/** The signature from the response header, else from `<url>.sig` fetched with the same authentication. */
export async function findSignature(url: string, auth: SourceAuth, header: string | null, limits: FetchLimits): Promise<{ ok: true; signature: string } | { ok: false; error: SyncError }> {
  if (header) return { ok: true, signature: header };
  const sigUrl = signatureUrl(url);
  const fetched = await fetchSource({ url: sigUrl.href, auth }, { ...limits, maxBytes: MAX_SIGNATURE_FILE });
  if (fetched.status === 'ok') return { ok: true, signature: new TextDecoder().decode(fetched.body) };
  const why = fetched.status === 'error' ? fetched.error.message : 'the server answered 304 Not Modified';
  return {
    ok: false,
    error: { kind: 'signature', message: `a public key is pinned but there is no signature: no X-Healthmark-Signature header, and ${describeUrl(sigUrl)} failed (${why})` },
  };
}
