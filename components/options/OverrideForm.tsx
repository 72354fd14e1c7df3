// Override an account's result: a score 0–100 or a tier, a reason, an expiry date after today and the author
// (remembered in extension storage). Every problem shows next to its field; nothing is stored until all are fixed.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
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

function FieldError({ id, errors, field }: { id: string; errors: FieldErrors; field: OverrideField }) {
  return errors[field] ? <p class="field-error" id={`${id}-${field}-error`}>{errors[field]}</p> : null;
}

export function OverrideForm({ accountId, tiers, onSaved }: Props) {
  const [draft, setDraft] = useState<OverrideDraft>({ mode: 'value', value: '', tier: '', reason: '', expires: '', author: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const id = 'override';
  useEffect(() => {
    browser.storage.local.get(AUTHOR_KEY).then((stored) => {
      const author = stored[AUTHOR_KEY];
      if (typeof author === 'string') setDraft((d) => (d.author ? d : { ...d, author }));
    });
  }, []);
  const set = (patch: Partial<OverrideDraft>) => setDraft({ ...draft, ...patch });
  const invalid = (field: OverrideField) => (errors[field] ? { 'aria-invalid': true, 'aria-describedby': `${id}-${field}-error` } : {});

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
      setErrors({ form: error instanceof Error ? error.message : String(error) });
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
        <label class="field">
          <span>{t('overrideValue')}</span>
          <input type="number" min={0} max={100} step={1} value={draft.value} onInput={(e) => set({ value: e.currentTarget.value })} {...invalid('value')} />
          <FieldError id={id} errors={errors} field="value" />
        </label>
      ) : (
        <label class="field">
          <span>{t('overrideTier')}</span>
          <select value={draft.tier} onChange={(e) => set({ tier: e.currentTarget.value })} {...invalid('tier')}>
            <option value="">{t('overrideChooseTier')}</option>
            {tiers.map((tier) => <option key={tier.key} value={tier.key}>{tier.label}</option>)}
          </select>
          <FieldError id={id} errors={errors} field="tier" />
        </label>
      )}
      <label class="field">
        <span>{t('overrideReason')}</span>
        <textarea rows={2} value={draft.reason} onInput={(e) => set({ reason: e.currentTarget.value })} {...invalid('reason')} />
        <FieldError id={id} errors={errors} field="reason" />
      </label>
      <div class="field-row">
        <label class="field">
          <span>{t('overrideExpires')}</span>
          <input type="date" value={draft.expires} onInput={(e) => set({ expires: e.currentTarget.value })} {...invalid('expires')} />
          <FieldError id={id} errors={errors} field="expires" />
        </label>
        <label class="field">
          <span>{t('overrideAuthor')}</span>
          <input type="text" autoComplete="name" value={draft.author} onInput={(e) => set({ author: e.currentTarget.value })} {...invalid('author')} />
          <FieldError id={id} errors={errors} field="author" />
        </label>
      </div>
      <FieldError id={id} errors={errors} field="form" />
      <button type="submit" class="primary" disabled={busy}>{t('overrideSave')}</button>
    </form>
  );
}
