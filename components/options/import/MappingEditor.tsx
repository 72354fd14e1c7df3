// How the file will be read: format and delimiter (detected, changeable), decimal mark and date order, a target
// for every column, and the first rows as the import will read them — parsed values, refused cells with their
// reason. Every change re-reads the preview, so what is shown is what the import will do.
import { Fragment } from 'preact';
import type { ColumnTarget, MetricCatalogueEntry } from '../../../lib/data/import/mapping';
import type { ImportPreview, PreviewCell, ReadSettings } from '../../../lib/data/import/preview';
import { t } from '../../../lib/i18n';
import { targetFromValue, targetValue } from './targets';

const DELIMITERS: [string, () => string][] = [
  [',', () => t('importDelimiterComma')],
  [';', () => t('importDelimiterSemicolon')],
  ['\t', () => t('importDelimiterTab')],
  ['|', () => t('importDelimiterPipe')],
];

function TargetSelect({ header, index, target, catalogue, onChange }: { header: string; index: number; target: ColumnTarget | undefined; catalogue: readonly MetricCatalogueEntry[]; onChange: (target: ColumnTarget) => void }) {
  const id = `import-target-${index}`;
  const value = targetValue(target);
  // A stored mapping may name a metric the active config no longer has: keep it visible (the problem is listed).
  const unknownMetric = target?.kind === 'metric' && !catalogue.some((m) => m.key === target.key) ? target.key : null;
  return (
    <>
      <label class="visually-hidden" for={id}>{t('importTargetFor', header)}</label>
      <select id={id} value={value} data-testid={`import-target-${header}`} onChange={(e) => onChange(targetFromValue(e.currentTarget.value, header, target))}>
        <option value="ignore">{t('importTargetIgnore')}</option>
        <optgroup label={t('importGroupIdentity')}>
          <option value="identity:id">{t('importTargetId')}</option>
          <option value="identity:name">{t('importTargetName')}</option>
          <option value="identity:domains">{t('importTargetDomains')}</option>
          <option value="identity:contacts">{t('importTargetContacts')}</option>
        </optgroup>
        <optgroup label={t('importGroupMetrics')}>
          {catalogue.map((m) => (
            <option key={m.key} value={`metric:${m.key}`}>{m.label ? `${m.label} (${m.key})` : m.key}</option>
          ))}
          {unknownMetric !== null ? <option value={value}>{unknownMetric}</option> : null}
        </optgroup>
        <optgroup label={t('importGroupOther')}>
          <option value="attribute">{t('importTargetAttribute', target?.kind === 'attribute' ? target.key : '…')}</option>
          <option value="asOf">{t('importTargetAsOf')}</option>
          <option value="outcome:churned">{t('importTargetChurned')}</option>
          <option value="outcome:churnedAt">{t('importTargetChurnedAt')}</option>
          <option value="outcome:expanded">{t('importTargetExpanded')}</option>
        </optgroup>
      </select>
    </>
  );
}

function Cell({ cell }: { cell: PreviewCell }) {
  switch (cell.state) {
    case 'value':
      return <td title={cell.raw !== cell.value ? t('importRawValue', cell.raw) : undefined}>{cell.value}</td>;
    case 'error':
      return (
        <td class="cell-error">
          <span class="raw">{cell.raw}</span>
          <span class="reason">{cell.error}</span>
        </td>
      );
    case 'missing':
      return <td class="cell-missing">{t('importCellEmpty')}</td>;
    case 'ignored':
      return <td class="cell-ignored">{cell.raw}</td>;
  }
}

function SettingSelect({ id, label, value, options, onChange }: { id: string; label: string; value: string; options: [string, string][]; onChange: (value: string) => void }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} data-testid={id} onChange={(e) => onChange(e.currentTarget.value)}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>{text}</option>
        ))}
      </select>
    </div>
  );
}

export function MappingEditor({ preview, settings, catalogue, onSettings }: { preview: ImportPreview; settings: ReadSettings; catalogue: readonly MetricCatalogueEntry[]; onSettings: (settings: ReadSettings) => void }) {
  const set = <K extends keyof ReadSettings>(key: K, value: ReadSettings[K] | undefined) => {
    const next = { ...settings };
    if (value === undefined) delete next[key];
    else next[key] = value;
    onSettings(next);
  };
  const setTarget = (header: string, target: ColumnTarget) => onSettings({ ...settings, mapping: { ...preview.mapping, [header]: target } });
  return (
    <div class="mapping-editor" data-testid="import-editor">
      <div class="field-row">
        <SettingSelect
          id="import-format"
          label={t('importFormat')}
          value={preview.format}
          options={(['csv', 'json', 'ndjson'] as const).map((f) => [f, f.toUpperCase()])}
          onChange={(v) => set('format', v as ReadSettings['format'])}
        />
        {preview.delimiter !== null ? (
          <SettingSelect id="import-delimiter" label={t('importDelimiter')} value={preview.delimiter} options={DELIMITERS.map(([d, label]) => [d, label()])} onChange={(v) => set('delimiter', v)} />
        ) : null}
        <SettingSelect
          id="import-decimal"
          label={t('importDecimal')}
          value={settings.decimal ?? '.'}
          options={[['.', t('importDecimalDot')], [',', t('importDecimalComma')]]}
          onChange={(v) => set('decimal', v === ',' ? ',' : undefined)}
        />
        <SettingSelect
          id="import-date-order"
          label={t('importDateOrder')}
          value={settings.dateOrder ?? ''}
          options={[['', t('importDateOrderAuto')], ['dmy', t('importDateOrderDmy')], ['mdy', t('importDateOrderMdy')]]}
          onChange={(v) => set('dateOrder', v === 'dmy' || v === 'mdy' ? v : undefined)}
        />
      </div>
      <p class="hint" data-testid="import-detected">
        {t('importDetected', preview.format.toUpperCase(), preview.headers.length.toLocaleString())}
      </p>
      {preview.mappingProblems.length > 0 ? (
        <div class="issues" role="alert" data-testid="import-mapping-problems">
          {preview.mappingProblems.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      ) : null}
      <h3 id="import-preview-title">{t('importPreviewTitle', preview.rows.length)}</h3>
      <div class="import-preview-wrap" tabIndex={0} role="region" aria-labelledby="import-preview-title">
        <table class="import-preview" data-testid="import-preview">
          <thead>
            <tr>
              <th scope="col">{t('importColRow')}</th>
              {preview.headers.map((h) => (
                <th key={h} scope="col">{h}</th>
              ))}
            </tr>
            <tr class="targets">
              <td />
              {preview.headers.map((h, i) => (
                <td key={h}>
                  <TargetSelect header={h} index={i} target={preview.mapping[h]} catalogue={catalogue} onChange={(target) => setTarget(h, target)} />
                </td>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r) => (
              <Fragment key={r.row}>
                <tr data-row={r.row} class={r.error || r.problems.length > 0 ? 'row-bad' : undefined}>
                  <th scope="row">
                    {r.row} <span class="muted">{r.location}</span>
                  </th>
                  {r.error ? <td colSpan={preview.headers.length} class="cell-error">{r.error}</td> : r.cells.map((cell, i) => <Cell key={i} cell={cell} />)}
                </tr>
                {r.problems.length > 0 ? (
                  <tr class="row-problems">
                    <td />
                    <td colSpan={preview.headers.length} class="cell-error">{r.problems.join('; ')}</td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
