// Public API of the scoring engine. Pure TypeScript + zod: no browser API, safe in Node, workers and the extension.
export { validateConfig, formatPath, type ValidationResult } from './validate';
export { scoreAccount, scoreAccount as score } from './score';
export { compileConfig, type CompiledConfig } from './compile';
export { validateOverride } from './override';
export { configSchema, SCHEMA_VERSION, type ScoringConfig, type ScoringConfigInput } from './schema';
export type * from './types';
export { scoreMany, scoreColumns, readColumns, allocateScores, flagKeys, type AccountEntry, type MetricColumns, type BulkScores } from './bulk';
export { trend, detectAlerts } from './trend';
