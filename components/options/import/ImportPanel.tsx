// Options → Sources → "Import a file": choose or drop an export, check how it will be read (mapping editor and
// preview in this page, through the same readers as the import), then import: the background reads the file
// again with these settings and applies it (see lib/background/handlers/import.ts), reporting progress and then
// the accounts imported and the rows left out — or why nothing changed.
import { useEffect, useState } from 'preact/hooks';
import { type ImportPreview, type ReadSettings, previewImport } from '../../../lib/data/import/preview';
import { activeConfig } from '../../../lib/data/status';
import { t } from '../../../lib/i18n';
import { type FileImportReport, sendToBackground } from '../../../lib/messaging';
import { db, useLive } from '../live';
import { DropZone, readChosenFile } from './DropZone';
import { ImportReport } from './ImportReport';
import { MappingEditor } from './MappingEditor';
import { type ImportProgress, importInBackground } from './upload';

interface Chosen {
  name: string;
  text: string;
}


const megabytes = (chars: number) => (chars / 1e6).toFixed(1);

/** "12 kB", "1.5 MB" in the page's locale (characters of the text, close to its bytes). */
function sizeText(chars: number): string {
  const [value, unit] = chars < 1e6 ? [chars / 1e3, 'kilobyte'] : [chars / 1e6, 'megabyte'];
  return new Intl.NumberFormat(undefined, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}

function progressText(p: ImportProgress): string {
  if (p.phase === 'sending') return t('importProgressSending', megabytes(p.sent), megabytes(p.total));
  if (p.phase === 'reading') return t('importProgressReading', p.rows.toLocaleString(), Math.round(p.fraction * 100));
  return t('importProgressApplying', p.rows.toLocaleString());
}

const progressValue = (p: ImportProgress) => (p.phase === 'sending' ? p.sent / Math.max(1, p.total) : p.fraction);

export function ImportPanel() {
  const setup = useLive(async () => {
    // The background answers only after first-run seeding: a page opened at install then sees the seeded config.
    await sendToBackground('getStatus', {});
    return { active: await activeConfig(db), mapping: (await db.sources.get('metrics'))?.mapping ?? {} };
  }, []);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [settings, setSettings] = useState<ReadSettings>({});
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [report, setReport] = useState<FileImportReport | null>(null);
  const catalogue = setup.state === 'ready' ? (setup.value.active?.config.metrics ?? null) : null;

  useEffect(() => {
    if (!chosen || !catalogue) return setPreview(null);
    let current = true;
    void previewImport(chosen.text, { ...settings, name: chosen.name }, catalogue).then((p) => current && setPreview(p));
    return () => {
      current = false;
    };
  }, [chosen, settings, catalogue]);

  const choose = async (file: File) => {
    setReport(null);
    const read = await readChosenFile(file);
    setFileError(read.ok ? null : read.error);
    setChosen(read.ok ? { name: file.name, text: read.text } : null);
    // The metrics source's stored mapping wins for the headers it names; the rest is detected.
    setSettings(setup.state === 'ready' ? { mapping: setup.value.mapping } : {});
  };

  const start = async () => {
    if (!chosen || !preview) return;
    const { format, delimiter, mapping } = preview;
    const read: ReadSettings = { ...settings, format, mapping, ...(delimiter !== null ? { delimiter } : {}) };
    try {
      const result = await importInBackground(chosen.text, chosen.name, read, setProgress);
      setReport(result);
      if (result.ok) setChosen(null);
    } catch (error) {
      setReport({ ok: false, error: error instanceof Error ? error.message : String(error), totalRows: 0, rejectedRows: 0, errors: [] });
    } finally {
      setProgress(null);
    }
  };

  const blocked = !preview || preview.error !== null || preview.mappingProblems.length > 0;
  return (
    <section class="panel import" aria-labelledby="import-title" data-testid="import-panel">
      <h2 id="import-title">{t('importTitle')}</h2>
      <p class="hint">{t('importIntro')}</p>
      {setup.state === 'ready' && !setup.value.active ? <p class="error">{t('importNoConfig')}</p> : null}
      <DropZone onFile={(file) => void choose(file)} error={fileError ?? preview?.error ?? null} busy={progress !== null || catalogue === null} />
      {chosen ? (
        <p class="import-file" data-testid="import-file-name">
          {t('importChosen', chosen.name, sizeText(chosen.text.length))}
        </p>
      ) : null}
      {chosen && preview && preview.error === null && catalogue ? <MappingEditor preview={preview} settings={settings} catalogue={catalogue} onSettings={setSettings} /> : null}
      {chosen ? (
        <div class="actions">
          <button type="button" class="primary" disabled={blocked || progress !== null} onClick={() => void start()} data-testid="import-start">
            {t('importStart')}
          </button>
        </div>
      ) : null}
      {progress ? (
        <div class="import-progress" role="status" data-testid="import-progress">
          <progress max={1} value={progressValue(progress)} aria-label={t('importProgressLabel')} />
          <span>{progressText(progress)}</span>
        </div>
      ) : null}
      {report ? <ImportReport report={report} /> : null}
    </section>
  );
}
