import { describe, expect, test, vi } from 'vitest';
import { createRouter, type Handlers } from '../../lib/background/router';
import type { DataStatus } from '../../lib/messaging';

const status: DataStatus = { mode: 'demo', accountCount: 1, config: null, tiers: [], insufficient: 0, updatedAt: null, alerts: 0 };

// Only the handlers these tests dispatch to; the router calls nothing else.
function handlers(): Handlers {
  return {
    lookup: vi.fn(async () => ({ matches: {}, accounts: {} })),
    getStatus: vi.fn(async () => status),
    loadDemo: vi.fn(async () => status),
    openAccount: vi.fn(async () => null),
  } as Partial<Handlers> as Handlers;
}

const self = { id: 'ext-id' };

describe('background router', () => {
  test('dispatches a valid request and wraps the answer', async () => {
    const h = handlers();
    const route = createRouter(h, 'ext-id');
    const reply = await route({ type: 'lookup', payload: { emails: ['a@b.example'], domains: [], names: [] } }, self);
    expect(reply).toEqual({ ok: true, data: { matches: {}, accounts: {} } });
    expect(h.lookup).toHaveBeenCalledWith({ emails: ['a@b.example'], domains: [], names: [] });
  });

  test('refuses messages from anyone but the extension itself', async () => {
    const h = handlers();
    const reply = await createRouter(h, 'ext-id')({ type: 'getStatus', payload: {} }, { id: 'other-extension' });
    expect(reply).toEqual({ ok: false, error: 'Messages are accepted only from Healthmark itself.' });
    expect(h.getStatus).not.toHaveBeenCalled();
  });

  test('names the field that is wrong in a malformed payload', async () => {
    const h = handlers();
    const reply = await createRouter(h, 'ext-id')({ type: 'lookup', payload: { emails: [42], domains: [], names: [] } }, self);
    expect(reply).toMatchObject({ ok: false });
    expect((reply as { error: string }).error).toMatch(/^Invalid "lookup" message at emails\.0: /);
    expect(h.lookup).not.toHaveBeenCalled();
  });

  test('refuses oversized identifiers and unknown fields', async () => {
    const route = createRouter(handlers(), 'ext-id');
    const long = await route({ type: 'lookup', payload: { emails: ['x'.repeat(400)], domains: [], names: [] } }, self);
    expect((long as { error: string }).error).toContain('emails.0');
    const extra = await route({ type: 'lookup', payload: { emails: [], domains: [], names: [], pageText: 'secret' } }, self);
    expect(extra).toMatchObject({ ok: false });
  });

  test('unknown types, including prototype names, get a specific error', async () => {
    const route = createRouter(handlers(), 'ext-id');
    expect(await route({ type: 'dropTables', payload: {} }, self)).toEqual({ ok: false, error: 'Unknown message type "dropTables".' });
    expect(await route({ type: 'constructor', payload: {} }, self)).toEqual({ ok: false, error: 'Unknown message type "constructor".' });
  });

  test('a failing handler becomes an error reply, not a rejection', async () => {
    const h = handlers();
    h.getStatus = vi.fn(async () => {
      throw new Error('database is closed');
    });
    expect(await createRouter(h, 'ext-id')({ type: 'getStatus', payload: {} }, self)).toEqual({ ok: false, error: 'database is closed' });
  });

  test('broadcasts and foreign messages are left for other listeners', () => {
    const route = createRouter(handlers(), 'ext-id');
    expect(route({ broadcast: 'statusChanged', payload: {} }, self)).toBeUndefined();
    expect(route(null, self)).toBeUndefined();
    expect(route('hello', self)).toBeUndefined();
  });
});
