// The one typed protocol between content scripts, the background and the extension pages.
// Requests go to the background and are named by direction: ContentToBackground (from a host page's content
// script) and UiToBackground (from popup/options). Broadcasts from the background are BackgroundToUi.
// This module is imported by content scripts: keep zod and Dexie out of it (validation lives in the background).
import { browser } from 'wxt/browser';
import type { Action, ConfigIssue, Driver, NextTierChange, TierRef } from './scoring/types';
import type { RowError } from './data/import/import';
import type { ReadSettings } from './data/import/preview';
import type { OutcomesReport } from './data/outcomes/match';
import type { OutcomeReadSettings } from './data/outcomes/read';

/** What a badge and its card need about one account. Built in the background from the stored score. */
export interface AccountSummary {
  accountId: string;
  name: string;
  status: 'scored' | 'insufficient';
  score: number | null;
  tier: TierRef | null;
  /** Score change over 7 and 30 days, from daily history; null when there is no point that old. */
  trend: { d7: number | null; d30: number | null };
  coverage: number;
  scorecard: string;
  driversUp: DriverSummary[];
  driversDown: DriverSummary[];
  nextStep: NextStepSummary | null;
  flags: string[];
  actions: Action[];
  /** The override in force, with what the engine computed underneath it. */
  override: { reason: string; author: string; expiresAt: string; computedScore?: number | null; computedTier?: TierRef | null } | null;
  /** Oldest as-of date among the metric values used. */
  dataAsOf: string | null;
  computedAt: string;
  demo: boolean;
}

/** A driver of the score as the card words it (components/explain-text.ts). */
export type DriverSummary = Pick<Driver, 'label' | 'points' | 'shown'>;

/** The smallest change that reaches the next tier, as the card words it. */
export type NextStepSummary = Pick<NextTierChange, 'label' | 'verb' | 'fromShown' | 'toShown'>;

/** Identity candidates a page found. Only identifiers, never page text. */
export interface LookupRequest {
  emails: string[];
  domains: string[];
  names: string[];
}

/**
 * What one lookup may carry, checked by the background (lib/background/router.ts) and respected by the page
 * (lib/page/runner.ts drops longer identifiers and splits bigger batches), so one odd identifier on a page never
 * gets a whole lookup refused. Lengths are RFC 5321 (address), RFC 1035 (domain name) and a company name's cap.
 */
export const LOOKUP_LIMITS = { items: 5000, email: 320, domain: 253, name: 200 } as const;

export interface LookupResponse {
  /** Candidate (as sent, lower-cased) → account id, for the candidates that resolved. */
  matches: Record<string, string>;
  accounts: Record<string, AccountSummary>;
}

export interface TierCount {
  key: string;
  label: string;
  color: string;
  count: number;
}

export interface DataStatus {
  mode: 'empty' | 'demo' | 'synced';
  accountCount: number;
  config: { name: string; version: string } | null;
  tiers: TierCount[];
  insufficient: number;
  updatedAt: string | null;
  /** Alerts (worse tiers, big score drops) recorded with the data in use: how long the popup's changes feed is. */
  alerts: number;
}

export interface ContentToBackground {
  lookup: { request: LookupRequest; response: LookupResponse };
  /** Opens the account in the options page (a page cannot link to an extension page itself). */
  openAccount: { request: { accountId: string }; response: null };
}

export interface UiToBackground {
  getStatus: { request: Record<string, never>; response: DataStatus };
  loadDemo: { request: Record<string, never>; response: DataStatus };
  /** Validates the config, stores it as a new version, makes it active and re-scores every account. */
  applyConfig: { request: { config: unknown }; response: Checked<ConfigApplied> };
  /** Applies a stored config version again (it becomes the active one). */
  restoreConfig: { request: { id: number }; response: Checked<ConfigApplied> };
  setOverride: { request: OverrideRequest; response: Checked<{ summary: AccountSummary }> };
  removeOverride: { request: { accountId: string }; response: { summary: AccountSummary } };
  /** Clears every table; demo data is not seeded again until asked for (loadDemo). */
  deleteAllData: { request: Record<string, never>; response: DataStatus };
  /** Checks and stores a sync source (a config or metrics URL), then syncs it at once. */
  saveSource: { request: { source: unknown }; response: Checked<{ report: SyncReport }> };
  removeSource: { request: { id: string }; response: null };
  /** Syncs one source, or all of them (config first). */
  syncNow: { request: { id?: string }; response: SyncReport[] };
  /** What the background's sync is doing now (a popup opened during a scheduled sync shows it too); null when idle. */
  getSyncProgress: { request: Record<string, never>; response: SyncProgress | null };
  /** Fetches and reads a source without applying or storing anything: what a sync would import. */
  testSource: { request: { source: unknown }; response: Checked<{ report: SyncReport & { totalRows: number | null } }> };
  setSyncNotifications: { request: { enabled: boolean }; response: null };
  /** One piece of a file to import (pieces stay under the message size limit); index 0 starts a new upload. */
  importChunk: { request: { importId: string; index: number; text: string }; response: null };
  /** Imports the uploaded accounts file with the editor's settings and applies it; progress comes as `importProgress`. */
  importFile: { request: Upload & { name: string; settings: ReadSettings }; response: FileImportReport };
  /** Reads the uploaded outcomes file and merges its outcomes into the stored accounts, or refuses it whole. */
  importOutcomes: { request: Upload & { name: string; settings: OutcomeReadSettings }; response: OutcomesFileReport };
  /** Removes the overrides whose expiry has passed (their accounts re-scored) before a page shows one; their account ids. */
  expireOverrides: { request: Record<string, never>; response: string[] };
}

/** What loading an outcomes file did: the accounts given an outcome, or why none was; rows left out by row either way. */
export type OutcomesFileReport = OutcomesReport & ({ ok: true } | { ok: false; error: string });

/** What a file import did: the accounts applied, or why nothing was (too many bad rows, no config); row errors either way. */
export type FileImportReport = { totalRows: number; rejectedRows: number; errors: RowError[] } & ({ ok: true; accounts: number } | { ok: false; error: string });

/** A file sent in `importChunk` pieces: its upload id and how many pieces it took. */
export interface Upload {
  importId: string;
  chunks: number;
}

/**
 * Characters per `importChunk`. The sending page serialises each message on its main thread (about 65 ms per MB
 * here), so pieces stay small enough to keep every task well under the page's 100 ms budget.
 */
export const IMPORT_CHUNK_CHARS = 512 * 1024;

/** Pieces one upload may take, so a file of either kind has at most IMPORT_FILE_CHARS characters (512 Mi). */
export const MAX_IMPORT_CHUNKS = 1024;
export const IMPORT_FILE_CHARS = MAX_IMPORT_CHUNKS * IMPORT_CHUNK_CHARS;

/** The step a running sync has reached, for one source. */
export interface SyncProgress {
  sourceId: string;
  kind: 'config' | 'metrics';
  phase: 'fetching' | 'applying';
}

/** What one sync attempt of a source did; row errors only when account data was refused. */
export interface SyncReport {
  sourceId: string;
  outcome: 'updated' | 'not-modified' | 'error';
  message: string;
  rowErrors: string[];
  counts: { accounts: number; rejected: number } | null;
}

/** A request the background checked: either done, or every problem with its path (nothing was stored). */
export type Checked<T> = ({ ok: true } & T) | { ok: false; issues: ConfigIssue[] };

export interface ConfigApplied {
  configId: number;
  accounts: number;
  tierChanges: number;
}

/** A CSM override as the options page sends it: a value 0–100 or a tier key, a reason and an expiry in the future. */
export interface OverrideRequest {
  accountId: string;
  value?: number;
  tier?: string;
  reason: string;
  author: string;
  expiresAt: string;
}

export type ToBackground = ContentToBackground & UiToBackground;
export type MessageType = keyof ToBackground;

export interface Envelope<K extends MessageType = MessageType> {
  type: K;
  payload: ToBackground[K]['request'];
}

export type Reply<K extends MessageType> = { ok: true; data: ToBackground[K]['response'] } | { ok: false; error: string };

/** What the content script in a tab reports to the popup. */
export interface PageInfo {
  hostname: string;
  /** The host app's adapter on this page, or null where only the generic scan runs. */
  site: string | null;
  enabled: boolean;
  badges: number;
}

/** Requests from the popup to the content script of one tab (browser.tabs.sendMessage). */
export interface UiToContent {
  pageInfo: { request: Record<string, never>; response: PageInfo };
}

/** Asks the content script of a tab; null when the tab has none (a page Healthmark does not run on). */
export async function sendToTab<K extends keyof UiToContent>(tabId: number, type: K, payload: UiToContent[K]['request']): Promise<UiToContent[K]['response'] | null> {
  try {
    return ((await browser.tabs.sendMessage(tabId, { type, payload })) as UiToContent[K]['response'] | undefined) ?? null;
  } catch {
    return null; // no content script in that tab
  }
}

export interface BackgroundToUi {
  statusChanged: DataStatus;
  /** A file import in the background: rows read so far and the share of the file, then the apply. */
  importProgress: { importId: string; phase: 'reading' | 'applying'; rows: number; fraction: number };
  /** Each step of a sync as it starts; null once the sync has ended (its results are stored by then). */
  syncProgress: SyncProgress | null;
}

/** Sends a request to the background and unwraps its reply; a handler's error becomes a thrown Error. */
export async function sendToBackground<K extends MessageType>(
  type: K,
  payload: ToBackground[K]['request'],
): Promise<ToBackground[K]['response']> {
  const envelope: Envelope<K> = { type, payload };
  const reply = (await browser.runtime.sendMessage(envelope)) as Reply<K> | undefined;
  if (!reply) throw new Error(`No reply from the background to "${type}"`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}

/** Broadcasts a background event to open extension pages; no page being open is not an error. */
export async function broadcastToUi<K extends keyof BackgroundToUi>(type: K, payload: BackgroundToUi[K]): Promise<void> {
  try {
    await browser.runtime.sendMessage({ broadcast: type, payload });
  } catch {
    // "Receiving end does not exist" when no popup or options page is open.
  }
}

export function onBroadcast<K extends keyof BackgroundToUi>(type: K, listener: (payload: BackgroundToUi[K]) => void): () => void {
  const handler = (message: unknown) => {
    const m = message as { broadcast?: string; payload?: unknown } | null;
    if (m && m.broadcast === type) listener(m.payload as BackgroundToUi[K]);
  };
  browser.runtime.onMessage.addListener(handler);
  return () => browser.runtime.onMessage.removeListener(handler);
}
