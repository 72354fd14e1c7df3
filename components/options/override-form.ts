// The override form's own checks, field by field, before anything is sent: the background checks again with
// the engine's rules (validateOverride) and a future expiry, and its issues map back to the same fields.
import { t } from '../../lib/i18n';
import type { OverrideRequest } from '../../lib/messaging';
import type { ConfigIssue } from '../../lib/scoring/types';

export interface OverrideDraft {
  mode: 'value' | 'tier';
  value: string;
  tier: string;
  reason: string;
  /** YYYY-MM-DD from the date input. */
  expires: string;
  author: string;
}

export type OverrideField = 'value' | 'tier' | 'reason' | 'expires' | 'author' | 'form';
export type FieldErrors = Partial<Record<OverrideField, string>>;

export const AUTHOR_KEY = 'overrideAuthor';

/** A valid draft as the request the background takes (expiring at the end of the chosen day, local time), or its errors. */
export function checkOverrideDraft(d: OverrideDraft, today: string): { request: Omit<OverrideRequest, 'accountId'> } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const value = Number(d.value);
  if (d.mode === 'value' && (d.value.trim() === '' || !Number.isFinite(value) || value < 0 || value > 100)) errors.value = t('overrideErrValue');
  if (d.mode === 'tier' && !d.tier) errors.tier = t('overrideErrTier');
  if (!d.reason.trim()) errors.reason = t('overrideErrReason');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d.expires)) errors.expires = t('overrideErrExpiresMissing');
  else if (d.expires <= today) errors.expires = t('overrideErrExpiresPast');
  if (!d.author.trim()) errors.author = t('overrideErrAuthor');
  if (Object.keys(errors).length > 0) return { errors };
  return {
    request: {
      ...(d.mode === 'value' ? { value } : { tier: d.tier }),
      reason: d.reason.trim(),
      author: d.author.trim(),
      expiresAt: new Date(`${d.expires}T23:59:59`).toISOString(),
    },
  };
}

const FIELD_OF: Record<string, OverrideField> = {
  'override.value': 'value',
  'override.tier': 'tier',
  'override.reason': 'reason',
  'override.expiresAt': 'expires',
  'override.author': 'author',
};

/** The background's issues, each next to its field. */
export function issuesToFields(issues: readonly ConfigIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = FIELD_OF[issue.path] ?? 'form';
    errors[field] = errors[field] ? `${errors[field]} ${issue.message}` : issue.message;
  }
  return errors;
}

/** Today as YYYY-MM-DD in local time (what a date input shows). */
export function localDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}
