// CSM overrides from the account view: stored in db.overrides, and the account is re-scored at once so badges
// and the popup show the overridden result (and the computed one again after removal).
import type { HealthmarkDb } from '../../data/db';
import { setOverrideAndRescore } from '../../data/rescore';
import { activeConfig } from '../../data/status';
import { readSummaries } from '../../data/summary';
import { t } from '../../i18n';
import type { OverrideRequest } from '../../messaging';
import { validateOverride } from '../../scoring';
import type { ConfigIssue, OverrideInput } from '../../scoring/types';
import { expiryCheckFor } from '../expiry';
import type { HandlerGroup } from './types';

/** Every problem with an override request: the engine's checks, plus an expiry that must lie in the future. */
export function overrideIssues(config: Parameters<typeof validateOverride>[0], request: OverrideRequest, now: Date): ConfigIssue[] {
  const issues = validateOverride(config, { ...request, createdAt: now.toISOString() });
  const expires = Date.parse(request.expiresAt);
  if (Number.isFinite(expires) && expires <= now.getTime()) issues.push({ path: 'override.expiresAt', message: t('overrideErrExpiresFuture') });
  return issues;
}

export function accountHandlers(db: HealthmarkDb): HandlerGroup<'setOverride' | 'removeOverride' | 'expireOverrides'> {
  const summaryOf = async (accountId: string, override: OverrideInput | null) => {
    await setOverrideAndRescore(db, accountId, override);
    const [summary] = await readSummaries(db, [accountId]);
    if (!summary) throw new Error(t('overrideErrNoScore', accountId));
    return summary;
  };
  return {
    setOverride: async (request) => {
      const active = await activeConfig(db);
      if (!active) return { ok: false, issues: [{ path: 'config', message: t('overrideErrNoConfig') }] };
      const now = new Date();
      const issues = overrideIssues(active.config, request, now);
      if (issues.length > 0) return { ok: false, issues };
      const { accountId, value, tier, reason, author, expiresAt } = request;
      const override: OverrideInput = {
        ...(value !== undefined ? { value } : { tier: tier! }),
        reason: reason.trim(),
        author: author.trim(),
        createdAt: now.toISOString(),
        expiresAt: new Date(expiresAt).toISOString(),
      };
      return { ok: true, summary: await summaryOf(accountId, override) };
    },
    removeOverride: async ({ accountId }) => ({ summary: await summaryOf(accountId, null) }),
    expireOverrides: () => expiryCheckFor(db)(),
  };
}
