// Validates every message that reaches the background and dispatches it to its handler. Only the extension's own
// contexts (its content scripts and pages) are answered; anything malformed gets a specific error reply.
import { z } from 'zod';
import { sourceDefinitionSchema } from '../data/sync/source';
import { errorMessage } from '../errors';
import { type Envelope, IMPORT_CHUNK_CHARS, LOOKUP_LIMITS, MAX_IMPORT_CHUNKS, type MessageType, type Reply, type ToBackground } from '../messaging';

const identifiers = (max: number) => z.array(z.string().max(max)).max(LOOKUP_LIMITS.items);
const empty = z.object({}).strict();
const accountId = z.string().min(1).max(200);
const importId = z.string().min(1).max(64);
/** What an importFile or importOutcomes request says of its file: the upload that brought it, and its name. */
const upload = { importId, chunks: z.number().int().min(1).max(MAX_IMPORT_CHUNKS), name: z.string().max(500) };

const payloadSchemas: { [K in MessageType]: z.ZodType<ToBackground[K]['request']> } = {
  lookup: z.object({ emails: identifiers(LOOKUP_LIMITS.email), domains: identifiers(LOOKUP_LIMITS.domain), names: identifiers(LOOKUP_LIMITS.name) }).strict(),
  openAccount: z.object({ accountId: z.string().min(1).max(200) }).strict(),
  getStatus: empty,
  loadDemo: empty,
  applyConfig: z.object({ config: z.unknown() }).strict(),
  restoreConfig: z.object({ id: z.number().int().positive() }).strict(),
  setOverride: z
    .object({ accountId, value: z.number().optional(), tier: z.string().max(64).optional(), reason: z.string().max(2000), author: z.string().max(200), expiresAt: z.string().max(40) })
    .strict(),
  removeOverride: z.object({ accountId }).strict(),
  deleteAllData: empty,
  saveSource: z.object({ source: z.unknown() }).strict(),
  removeSource: z.object({ id: z.string().min(1).max(100) }).strict(),
  syncNow: z.object({ id: z.string().min(1).max(100).optional() }).strict(),
  getSyncProgress: empty,
  testSource: z.object({ source: z.unknown() }).strict(),
  setSyncNotifications: z.object({ enabled: z.boolean() }).strict(),
  importChunk: z.object({ importId, index: z.number().int().min(0).max(MAX_IMPORT_CHUNKS - 1), text: z.string().max(IMPORT_CHUNK_CHARS) }).strict(),
  importFile: z
    .object({
      ...upload,
      settings: z
        .object({
          format: z.enum(['csv', 'json', 'ndjson']).optional(),
          delimiter: sourceDefinitionSchema.shape.delimiter,
          decimal: sourceDefinitionSchema.shape.decimal,
          dateOrder: sourceDefinitionSchema.shape.dateOrder,
          mapping: sourceDefinitionSchema.shape.mapping,
        })
        .strict(),
    })
    .strict(),
  importOutcomes: z
    .object({
      ...upload,
      settings: z
        .object({
          format: z.enum(['csv', 'json', 'ndjson']).optional(),
          delimiter: sourceDefinitionSchema.shape.delimiter,
          dateOrder: sourceDefinitionSchema.shape.dateOrder,
          columns: z
            .object({
              account: z.string().max(500),
              match: z.enum(['id', 'domain', 'name']),
              churned: z.string().max(500).nullable(),
              churnedAt: z.string().max(500).nullable(),
              expanded: z.string().max(500).nullable(),
            })
            .strict()
            .optional(),
        })
        .strict(),
    })
    .strict(),
  expireOverrides: empty,
};

export type Handlers = { [K in MessageType]: (payload: ToBackground[K]['request']) => Promise<ToBackground[K]['response']> };

interface Sender {
  id?: string;
}

/** A runtime.onMessage listener: returns the reply promise for our requests, undefined for anything else. */
export function createRouter(handlers: Handlers, extensionId: string) {
  return (message: unknown, sender: Sender): Promise<Reply<MessageType>> | undefined => {
    const envelope = message as Partial<Envelope> | null;
    if (!envelope || typeof envelope !== 'object' || !('type' in envelope)) return undefined; // a broadcast, not a request
    if (sender.id !== extensionId) return Promise.resolve({ ok: false, error: 'Messages are accepted only from Healthmark itself.' });
    return dispatch(handlers, envelope);
  };
}

async function dispatch(handlers: Handlers, envelope: Partial<Envelope>): Promise<Reply<MessageType>> {
  const type = envelope.type as MessageType;
  const schema = Object.hasOwn(payloadSchemas, type) ? payloadSchemas[type] : undefined;
  if (!schema) return { ok: false, error: `Unknown message type "${String(type).slice(0, 40)}".` };
  const parsed = schema.safeParse(envelope.payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, error: `Invalid "${type}" message at ${issue.path.join('.') || '(payload)'}: ${issue.message}` };
  }
  try {
    const handler = handlers[type] as (p: unknown) => Promise<unknown>;
    return { ok: true, data: await handler(parsed.data) } as Reply<MessageType>;
  } catch (error) {
    return { ok: false, error: errorMessage(error) };
  }
}
