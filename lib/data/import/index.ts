// Account data and configs from files and synced sources: the one import the options page, the background sync
// and the CLI share.
export { importAccounts, importEvents, formatRowError, DEFAULT_MAX_REJECTED_SHARE, DEFAULT_MAX_CELL_LENGTH, type ImportOptions, type ImportResult, type ImportEvent, type RowError } from './import';
export { detectFormat, inputText, type ImportFormat, type ImportInput } from './input';
export { autoMapping, mappingProblems, describeTarget, normalizeHeader, attributeKey, type ColumnMapping, type ColumnTarget, type MetricCatalogueEntry, type MetricKind, type AttributeType } from './mapping';
export type { ImportedAccount } from './account-row';
export { parseNumber, parseBoolean, parseDate, type DecimalMark, type DateOrder, type Parsed } from './values';
export { parseConfigText, type ConfigTextResult } from './config';
export { describeJsonError } from './json-error';
