// Override an account's result: a score 0–100 or a tier, a reason, an expiry date after today and the author
// (remembered in extension storage). Every problem shows next to its field; nothing is stored until all are fixed.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { errorMessage } from '../../lib/errors';
import { t } from '../../lib/i18n';
import type { AccountSummary } from '../../lib/messaging';
import type { TierRef } from '../../lib/scoring/types';
import { AUTHOR_KEY, type FieldErrors, type OverrideDraft, type OverrideField, checkOverrideDraft, issuesToFields, localDay } from './override-form';
import { ask } from './live';

interface Props {
  accountId: string;
  tiers: TierRef[];
  onSaved: (summary: AccountSummary) => void;
}

const ID = 'override';
const errorId = (field: OverrideField) => `${ID}-${field}-error`;
const FIELD_ORDER: OverrideField[] = ['value', 'tier', 'reason', 'expires', 'author'];

function FieldError({ errors, field }: { errors: FieldErrors; field: OverrideField }) {
  if (!errors[field]) return null;
  return <p class="field-error" id={errorId(field)} role={field === 'form' ? 'alert' : undefined}>{errors[field]}</p>;
}

/** A labelled field with its error after it, outside the label: the field's name stays its name, the error its description. */
function Field({ field, label, errors, children }: { field: OverrideField; label: string; errors: FieldErrors; children: ComponentChildren }) {
  return (
    <div class="field">
      <label for={`${ID}-${field}`}>{label}</label>
      {children}
      <FieldError errors={errors} field={field} />
    </div>
  );
}

export function OverrideForm({ accountId, tiers, onSaved }: Props) {
  const [draft, setDraft] = useState<OverrideDraft>({ mode: 'value', value: '', tier: '', reason: '', expires: '', author: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    browser.storage.local.get(AUTHOR_KEY).then((stored) => {
      const author = stored[AUTHOR_KEY];
      if (typeof author === 'string') setDraft((d) => (d.author ? d : { ...d, author }));
    });
  }, []);
  // After a refused save, keyboard focus goes to the first field to fix.
  useEffect(() => {
    const first = FIELD_ORDER.find((field) => errors[field]);
    if (first) document.getElementById(`${ID}-${first}`)?.focus();
  }, [errors]);
  const set = (patch: Partial<OverrideDraft>) => setDraft({ ...draft, ...patch });
  const invalid = (field: OverrideField) => (errors[field] ? { 'aria-invalid': true, 'aria-describedby': errorId(field) } : {});

  const submit = async (e: Event) => {
    e.preventDefault();
    const checked = checkOverrideDraft(draft, localDay(new Date()));
    if ('errors' in checked) return setErrors(checked.errors);
    setBusy(true);
    try {
      const reply = await ask('setOverride', { accountId, ...checked.request });
      if (!reply.ok) return setErrors(issuesToFields(reply.issues));
      await browser.storage.local.set({ [AUTHOR_KEY]: checked.request.author });
      setErrors({});
      setDraft({ ...draft, value: '', reason: '', expires: '' });
      onSaved(reply.summary);
    } catch (error) {
      setErrors({ form: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="override-form" onSubmit={submit} noValidate aria-labelledby="override-title">
      <h3 id="override-title">{t('overrideTitle')}</h3>
      <fieldset class="inline">
        <legend>{t('overrideKind')}</legend>
        <label><input type="radio" name="mode" checked={draft.mode === 'value'} onChange={() => set({ mode: 'value' })} /> {t('overrideByValue')}</label>
        <label><input type="radio" name="mode" checked={draft.mode === 'tier'} onChange={() => set({ mode: 'tier' })} /> {t('overrideByTier')}</label>
      </fieldset>
      {draft.mode === 'value' ? (
        <Field field="value" label={t('overrideValue')} errors={errors}>
          <input id="override-value" type="number" min={0} max={100} step={1} value={draft.value} onInput={(e) => set({ value: e.currentTarget.value })} {...invalid('value')} />
        </Field>
      ) : (
        <Field field="tier" label={t('overrideTier')} errors={errors}>
          <select id="override-tier" value={draft.tier} onChange={(e) => set({ tier: e.currentTarget.value })} {...invalid('tier')}>
            <option value="">{t('overrideChooseTier')}</option>
            {tiers.map((tier) => <option key={tier.key} value={tier.key}>{tier.label}</option>)}
          </select>
        </Field>
      )}
      <Field field="reason" label={t('overrideReason')} errors={errors}>
        <textarea id="override-reason" rows={2} value={draft.reason} onInput={(e) => set({ reason: e.currentTarget.value })} {...invalid('reason')} />
      </Field>
      <div class="field-row">
        <Field field="expires" label={t('overrideExpires')} errors={errors}>
          <input id="override-expires" type="date" value={draft.expires} onInput={(e) => set({ expires: e.currentTarget.value })} {...invalid('expires')} />
        </Field>
        <Field field="author" label={t('overrideAuthor')} errors={errors}>
          <input id="override-author" type="text" autoComplete="name" value={draft.author} onInput={(e) => set({ author: e.currentTarget.value })} {...invalid('author')} />
        </Field>
      </div>
      <FieldError errors={errors} field="form" />
      <button type="submit" class="primary" disabled={busy}>{t('overrideSave')}</button>
    </form>
  );
}
