import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { INITIAL_SOURCE_STATE, type SourceDefinition, importPublicKey, signatureUrl, syncSource, verifySignature } from '../../../lib/data/sync';
import { type TestServer, startServer } from './server';

const CONFIG = new TextEncoder().encode(
  JSON.stringify({
    schemaVersion: 1,
    name: 'Signed',
    version: '7',
    metrics: [{ key: 'nps', label: 'NPS', kind: 'number' }],
    scorecards: [{ key: 'default', label: 'Default', measures: [{ metric: 'nps', type: 'linear', min: -100, max: 100 }] }],
    tiers: [{ key: 'all', label: 'All', color: '#1e8e3e', min: 0, max: 100 }],
  }),
);

const toBase64 = (bytes: ArrayBuffer | Uint8Array) => Buffer.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).toString('base64');

let server: TestServer;
let keys: CryptoKeyPair;
let pem: string;
let jwk: string;
let signature: string;

async function sign(body: Uint8Array<ArrayBuffer>, key = keys.privateKey): Promise<string> {
  return toBase64(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key, body));
}

beforeAll(async () => {
  server = await startServer();
  keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const spki = toBase64(await crypto.subtle.exportKey('spki', keys.publicKey));
  pem = `-----BEGIN PUBLIC KEY-----\n${spki.replace(/(.{64})/g, '$1\n')}\n-----END PUBLIC KEY-----\n`;
  jwk = JSON.stringify(await crypto.subtle.exportKey('jwk', keys.publicKey));
  signature = await sign(CONFIG);
});
afterAll(() => server.close());
beforeEach(() => server.routes.clear());

const source = (publicKey: string): SourceDefinition => ({
  id: 'cfg',
  kind: 'config',
  url: server.url('/config.json'),
  auth: { kind: 'none' },
  format: 'json',
  mapping: {},
  scheduleMinutes: 60,
  publicKey,
});

function serveConfig(headers: Record<string, string> = {}, sig?: string) {
  server.routes.set('/config.json', (_req, res) => res.writeHead(200, headers).end(CONFIG));
  if (sig !== undefined) server.routes.set('/config.json.sig', (_req, res) => res.writeHead(200).end(sig));
}

const errorMessage = (r: Awaited<ReturnType<typeof syncSource>>) => (r.outcome === 'error' ? r.error.message : r.outcome);

describe('signed configs', () => {
  it('accepts a config signed in the X-Healthmark-Signature header (SPKI PEM key)', async () => {
    serveConfig({ 'X-Healthmark-Signature': signature });
    const result = await syncSource(source(pem), INITIAL_SOURCE_STATE);
    expect(result.outcome === 'config' && result.config.name).toBe('Signed');
  });

  it('accepts a config signed in <url>.sig (JWK key)', async () => {
    serveConfig({}, `${signature}\n`);
    const result = await syncSource(source(jwk), INITIAL_SOURCE_STATE);
    expect(result.outcome).toBe('config');
  });

  it('refuses a config signed by another key', async () => {
    const other = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
    serveConfig({ 'X-Healthmark-Signature': await sign(CONFIG, other.privateKey) });
    const result = await syncSource(source(pem), INITIAL_SOURCE_STATE);
    expect(errorMessage(result)).toBe(`refused ${server.url('/config.json')}: the signature does not match the body and the pinned public key`);
    expect(result.state).toMatchObject({ consecutiveFailures: 1, etag: null, lastSuccessAt: null });
  });

  it('refuses a body changed after signing', async () => {
    const tampered = new Uint8Array(CONFIG);
    tampered[tampered.length - 2] = 0x20;
    server.routes.set('/config.json', (_req, res) => res.writeHead(200, { 'X-Healthmark-Signature': signature }).end(tampered));
    expect(errorMessage(await syncSource(source(pem), INITIAL_SOURCE_STATE))).toMatch(/the signature does not match/);
  });

  it('refuses an unsigned config when a key is pinned, saying where it looked', async () => {
    serveConfig();
    expect(errorMessage(await syncSource(source(pem), INITIAL_SOURCE_STATE))).toBe(
      `a public key is pinned but there is no signature: no X-Healthmark-Signature header, and ${server.url('/config.json.sig')} failed (HTTP 404 Not Found from ${server.url('/config.json.sig')})`,
    );
  });

  it('accepts an unsigned config when no key is pinned', async () => {
    serveConfig();
    const { publicKey: _, ...unsigned } = source(pem);
    expect((await syncSource(unsigned, INITIAL_SOURCE_STATE)).outcome).toBe('config');
  });

  it('explains a DER signature and a non-base64 one', async () => {
    const key = await importPublicKey(pem);
    if (!key.ok) throw new Error(key.error.message);
    expect(await verifySignature(key.key, CONFIG, toBase64(new Uint8Array(71)))).toBe('the signature has 71 bytes; expected 64 (raw r‖s, IEEE P1363 — not DER)');
    expect(await verifySignature(key.key, CONFIG, 'not base64!')).toBe('the signature is not base64');
    expect(await verifySignature(key.key, CONFIG, signature)).toBeNull();
  });

  it('refuses a pinned key that is not a P-256 public key', async () => {
    for (const bad of ['hello world', '{"kty":"EC"', 'AAAA', '{"kty":"RSA","n":"x","e":"AQAB"}']) {
      const key = await importPublicKey(bad);
      expect(!key.ok && key.error.message).toMatch(/^the pinned public key is not an ECDSA P-256 key as SPKI \(PEM or base64\) or JWK: /);
    }
  });

  it('puts .sig after the path, before any query', () => {
    expect(signatureUrl('https://cdn.example/c/config.json?v=3').href).toBe('https://cdn.example/c/config.json.sig?v=3');
  });
});
