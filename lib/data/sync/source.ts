// A synced source: what the admin defines (URL, authentication, format, mapping, schedule, pinned key) and the
// state the sync keeps about it (validators for conditional requests, last success, failures, next attempt).
import { z } from 'zod';
import type { ColumnMapping } from '../import';
import { validateSourceUrl } from './url';

export type SourceAuth = { kind: 'none' } | { kind: 'bearer'; token: string } | { kind: 'header'; name: string; value: string };

export type SourceFormat = 'csv' | 'json' | 'ndjson' | 'auto';

export interface SourceDefinition {
  id: string;
  /** A scoring config, or account data (metrics, attributes, identities) read through the import. */
  kind: 'config' | 'metrics';
  url: string;
  auth: SourceAuth;
  format: SourceFormat;
  mapping: ColumnMapping;
  scheduleMinutes: number;
  /** ECDSA P-256 public key (SPKI PEM or base64, or JWK JSON): when set, only signed bodies are accepted. */
  publicKey?: string;
  /** How the data file writes numbers and dates (metrics sources). */
  decimal?: '.' | ',';
  dateOrder?: 'dmy' | 'mdy';
  delimiter?: string;
}

export interface SourceState {
  etag: string | null;
  lastModified: string | null;
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  /** Null until the first attempt: a new source is due at once. */
  nextAttemptAt: string | null;
  consecutiveFailures: number;
  lastError: string | null;
}

export const DEFAULT_SCHEDULE_MINUTES = 60;

export const INITIAL_SOURCE_STATE: Readonly<SourceState> = Object.freeze({
  etag: null,
  lastModified: null,
  lastSuccessAt: null,
  lastAttemptAt: null,
  nextAttemptAt: null,
  consecutiveFailures: 0,
  lastError: null,
});

// Header names are HTTP tokens; values may not break the header line (they would also end up in error text).
const headerName = z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/, 'must be an HTTP header name (letters, digits and -)');
const secret = z.string().min(1).max(8192).regex(/^[^\u0000-\u001f\u007f]*$/, 'must not contain line breaks or control characters');

const targetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('identity'), field: z.enum(['id', 'name', 'domains', 'contacts']) }),
  z.strictObject({ kind: z.literal('metric'), key: z.string().min(1).max(64) }),
  z.strictObject({ kind: z.literal('attribute'), key: z.string().trim().min(1).max(100), type: z.enum(['auto', 'text', 'number', 'boolean', 'date']).optional() }),
  z.strictObject({ kind: z.literal('outcome'), field: z.enum(['churned', 'churnedAt', 'expanded']) }),
  z.strictObject({ kind: z.literal('asOf') }),
  z.strictObject({ kind: z.literal('ignore') }),
]);

export const sourceDefinitionSchema = z.strictObject({
  id: z.string().trim().min(1).max(100),
  kind: z.enum(['config', 'metrics']),
  url: z.string().max(2048).superRefine((url, ctx) => {
    const check = validateSourceUrl(url);
    if (!check.ok) ctx.addIssue({ code: 'custom', message: check.message });
  }),
  auth: z
    .discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('none') }),
      z.strictObject({ kind: z.literal('bearer'), token: secret }),
      z.strictObject({ kind: z.literal('header'), name: headerName, value: secret }),
    ])
    .default({ kind: 'none' }),
  format: z.enum(['csv', 'json', 'ndjson', 'auto']).default('auto'),
  mapping: z.record(z.string().max(500), targetSchema).default({}),
  scheduleMinutes: z.number().int().min(5).max(7 * 24 * 60).default(DEFAULT_SCHEDULE_MINUTES),
  publicKey: z.string().trim().min(1).max(4096).optional(),
  decimal: z.enum(['.', ',']).optional(),
  dateOrder: z.enum(['dmy', 'mdy']).optional(),
  delimiter: z.string().length(1).optional(),
});

export type SourceDefinitionResult = { ok: true; source: SourceDefinition } | { ok: false; issues: { path: string; message: string }[] };

/** Checks what the options page (or an imported settings file) says a source is, and fills in defaults. */
export function parseSourceDefinition(input: unknown): SourceDefinitionResult {
  const parsed = sourceDefinitionSchema.safeParse(input);
  if (parsed.success) return { ok: true, source: parsed.data };
  // Never echo the value of a secret field back: zod messages here name the rule, not the input.
  return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.') || 'source', message: i.message })) };
}
