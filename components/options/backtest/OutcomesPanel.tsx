// Scoring → Backtest → "Load an outcomes file": which accounts churned (and when), or expanded, from a separate
// file, merged into the stored accounts without touching their metrics. Dropped or chosen like an import, its
// columns detected and editable (the account column and how it names accounts, churned, churn date, expanded),
// read here once to show what it holds, then sent to the background in pieces like an accounts file (the
// background merges it in one transaction and answers with the report: lib/data/outcomes). Loaded outcomes
// outlive later imports and syncs.
import { useEffect, useState } from 'preact/hooks';
import { type OutcomeColumns, type OutcomeFile, type OutcomeMatch, columnProblems, readOutcomeFile } from '../../../lib/data/outcomes';
import { type MessageKey, t } from '../../../lib/i18n';
import type { OutcomesFileReport } from '../../../lib/messaging';
import { DropZone, readChosenFile } from '../import/DropZone';
import { sendInPieces } from '../import/upload';
import { ask, db, useLive } from '../live';
import { OutcomesReport } from './OutcomesReport';

interface Chosen {
  name: string;
  text: string;
}


const MATCHES: [OutcomeMatch, MessageKey][] = [
  ['id', 'outcomesMatchId'],
  ['domain', 'outcomesMatchDomain'],
  ['name', 'outcomesMatchName'],
];

const OPTIONAL: [Exclude<keyof OutcomeColumns, 'account' | 'match'>, MessageKey][] = [
  ['churned', 'outcomesColumnChurned'],
  ['churnedAt', 'outcomesColumnChurnedAt'],
  ['expanded', 'outcomesColumnExpanded'],
];

function ColumnsEditor({ headers, columns, onColumns }: { headers: string[]; columns: OutcomeColumns; onColumns: (columns: OutcomeColumns) => void }) {
  const headerOptions = headers.map((header) => <option key={header} value={header}>{header}</option>);
  return (
    <fieldset class="bt-columns" data-testid="outcomes-columns">
      <legend>{t('outcomesColumns')}</legend>
      <div class="field-row">
        <label class="field">
          {t('outcomesColumnAccount')}
          <select value={columns.account} onChange={(e) => onColumns({ ...columns, account: e.currentTarget.value })} data-testid="outcomes-account-column">
            {headerOptions}
          </select>
        </label>
        <label class="field">
          {t('outcomesMatch')}
          <select value={columns.match} onChange={(e) => onColumns({ ...columns, match: e.currentTarget.value as OutcomeMatch })} data-testid="outcomes-match">
            {MATCHES.map(([match, key]) => <option key={match} value={match}>{t(key)}</option>)}
          </select>
        </label>
        {OPTIONAL.map(([field, key]) => (
          <label class="field" key={field}>
            {t(key)}
            <select
              value={columns[field] ?? ''}
              onChange={(e) => onColumns({ ...columns, [field]: e.currentTarget.value || null })}
              data-testid={`outcomes-${field}-column`}
            >
              <option value="">{t('outcomesColumnNone')}</option>
              {headerOptions}
            </select>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** What the file holds with these columns, before anything is stored. */
function FileSummary({ file }: { file: OutcomeFile & { ok: true } }) {
  const outcomes = file.records.length;
  return (
    <p class="muted" data-testid="outcomes-file-summary">
      {t('outcomesFileSummary', file.format.toUpperCase(), file.totalRows.toLocaleString(), outcomes.toLocaleString(), file.rejectedRows.toLocaleString(), file.emptyRows.toLocaleString())}
    </p>
  );
}

export function OutcomesPanel() {
  const loaded = useLive(() => db.outcomes.count(), []);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [columns, setColumns] = useState<OutcomeColumns | null>(null);
  const [file, setFile] = useState<OutcomeFile | null>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<OutcomesFileReport | null>(null);

  // Read again whenever the columns change: the summary and the problems always describe what Load would do.
  useEffect(() => {
    if (!chosen) return setFile(null);
    let current = true;
    void readOutcomeFile(chosen.text, { name: chosen.name, ...(columns ? { columns } : {}) }).then((read) => {
      if (!current) return;
      setFile(read);
      // Nothing detected: start from the first column, so the admin can say which is which.
      const first = read.headers[0];
      if (!columns && (read.columns || first !== undefined)) setColumns(read.columns ?? { account: first!, match: 'id', churned: null, churnedAt: null, expanded: null });
    });
    return () => {
      current = false;
    };
  }, [chosen, columns]);

  const choose = async (picked: File) => {
    setReport(null);
    setColumns(null);
    const read = await readChosenFile(picked);
    setFileError(read.ok ? null : read.error);
    setChosen(read.ok ? { name: picked.name, text: read.text } : null);
  };

  const start = async () => {
    if (!chosen || !file || !columns) return;
    setBusy(true);
    try {
      const upload = await sendInPieces(chosen.text, chosen.name);
      const result = await ask('importOutcomes', { ...upload, name: chosen.name, settings: { format: file.format, columns } });
      setReport(result);
      if (result.ok) setChosen(null);
    } catch (error) {
      setReport({ ok: false, error: error instanceof Error ? error.message : String(error), totalRows: 0, applied: 0, unknownRows: 0, rejectedRows: 0, emptyRows: 0, errors: [] });
    } finally {
      setBusy(false);
    }
  };

  const problems = file && columns ? columnProblems(columns, file.headers) : [];
  const readError = file && !file.ok && problems.length === 0 ? file.error : null;
  return (
    <section class="bt-outcomes" aria-labelledby="outcomes-title" data-testid="outcomes-panel">
      <h3 id="outcomes-title">{t('outcomesTitle')}</h3>
      <p class="muted" data-testid="outcomes-loaded">
        {loaded.state === 'ready' ? (loaded.value ? t('outcomesLoaded', loaded.value.toLocaleString()) : t('outcomesNoneLoaded')) : null} {t('outcomesIntro')}
      </p>
      <DropZone onFile={(picked) => void choose(picked)} error={fileError ?? readError} busy={busy} />
      {chosen && file && columns ? (
        <>
          <p class="import-file" data-testid="outcomes-file-name">{chosen.name}</p>
          <ColumnsEditor headers={file.headers} columns={columns} onColumns={setColumns} />
          {problems.map((problem) => <p key={problem} class="field-error" role="alert">{problem}</p>)}
          {file.ok ? <FileSummary file={file} /> : null}
          <div class="actions">
            <button type="button" class="primary" disabled={busy || !file.ok} onClick={() => void start()} data-testid="outcomes-load">
              {t('outcomesLoad')}
            </button>
          </div>
        </>
      ) : null}
      {report ? <OutcomesReport report={report} /> : null}
    </section>
  );
}
