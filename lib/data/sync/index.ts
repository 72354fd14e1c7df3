// Synced sources over HTTPS: definitions, the fetch, the retry schedule, signatures and one sync of a source.
export { syncSource, type SyncOptions, type SyncResult } from './sync';
export { fetchSource, DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, SIGNATURE_HEADER, type FetchOutcome, type FetchRequest, type FetchLimits, type SyncError, type SyncErrorKind } from './fetch';
export { nextAttemptAt, FIRST_RETRY_MINUTES, MAX_BACKOFF_MINUTES } from './schedule';
export { importPublicKey, verifySignature, signatureUrl } from './signature';
export { validateSourceUrl, describeUrl } from './url';
export {
  parseSourceDefinition,
  sourceDefinitionSchema,
  INITIAL_SOURCE_STATE,
  DEFAULT_SCHEDULE_MINUTES,
  type SourceDefinition,
  type SourceState,
  type SourceAuth,
  type SourceFormat,
} from './source';
