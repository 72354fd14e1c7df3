// CSM overrides: a value or a tier, with a reason, until an expiry date. After expiry the computed result
// returns by itself, because an override is applied only while `now` is before `expiresAt`.
import type { CompiledConfig } from './compile';
import { toScore } from './kernel';
import { SCALE_MAX } from './limits';
import type { ScoringConfig } from './schema';
import type { ConfigIssue, OverrideInput } from './types';

/** The score and tier an account ends up with. `score` is NaN when there is none. */
export interface FinalScore {
  score: number;
  tier: number;
  overridden: boolean;
}

/** Every problem with an override, each with its field; empty when it can be applied. */
export function validateOverride(config: ScoringConfig, override: unknown): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const report = (path: string, message: string) => issues.push({ path: `override.${path}`, message });
  if (override === null || typeof override !== 'object' || Array.isArray(override))
    return [{ path: 'override', message: 'expected an object with value or tier, reason, author and expiresAt' }];
  const o = override as Partial<Record<keyof OverrideInput, unknown>>;
  const hasValue = o.value !== undefined && o.value !== null;
  const hasTier = o.tier !== undefined && o.tier !== null;
  if (hasValue === hasTier) report('value', 'give either a value (0–100) or a tier, not both and not neither');
  if (hasValue && !(typeof o.value === 'number' && Number.isFinite(o.value) && o.value >= 0 && o.value <= SCALE_MAX))
    report('value', `must be a number from 0 to ${SCALE_MAX}`);
  if (hasTier && !config.tiers.some((t) => t.key === o.tier))
    report('tier', `unknown tier ${JSON.stringify(o.tier)}; tiers: ${config.tiers.map((t) => t.key).join(', ')}`);
  if (typeof o.reason !== 'string' || o.reason.trim() === '') report('reason', 'is required: say why the score is overridden');
  if (typeof o.author !== 'string' || o.author.trim() === '') report('author', 'is required');
  if (typeof o.expiresAt !== 'string' || !Number.isFinite(Date.parse(o.expiresAt)))
    report('expiresAt', 'must be an ISO date or timestamp');
  return issues;
}

/** Applies the override in force at `now`; the computed result stands when there is none, it has expired or is invalid. */
export function applyOverride(
  compiled: CompiledConfig,
  override: OverrideInput | null | undefined,
  now: Date,
  computed: { score: number; tier: number },
): FinalScore {
  if (!override || validateOverride(compiled.config, override).length > 0 || !(now.getTime() < Date.parse(override.expiresAt)))
    return { score: computed.score, tier: computed.tier, overridden: false };
  if (typeof override.value === 'number') {
    const score = toScore(override.value);
    return { score, tier: compiled.tierOfScore[score]!, overridden: true };
  }
  // A tier override keeps the computed score (when there is one) for reference.
  return { score: computed.score, tier: compiled.config.tiers.findIndex((t) => t.key === override.tier), overridden: true };
}
