// What loading an outcomes file did: how many accounts got an outcome, how many rows named no stored account or
// had values that cannot be used — each listed by row, place in the file, column and reason, worded as the CLI
// words them — or why nothing was loaded (the stored outcomes are then exactly as before).
import { formatRowError } from '../../../lib/data/import/import';
import { t } from '../../../lib/i18n';
import type { OutcomesFileReport } from '../../../lib/messaging';

const LISTED = 100;

export function OutcomesReport({ report }: { report: OutcomesFileReport }) {
  const listed = report.errors.slice(0, LISTED);
  const left = [
    report.unknownRows ? t('outcomesUnknownRows', report.unknownRows.toLocaleString()) : '',
    report.rejectedRows ? t('outcomesRejectedRows', report.rejectedRows.toLocaleString()) : '',
    report.emptyRows ? t('outcomesEmptyRows', report.emptyRows.toLocaleString()) : '',
  ].filter(Boolean);
  return (
    <div class={`import-report ${report.ok ? '' : 'refused'}`} role={report.ok ? 'status' : 'alert'} data-testid="outcomes-report">
      <p class={report.ok ? 'ok' : 'error'} data-testid="outcomes-summary">
        {report.ok ? t('outcomesApplied', report.applied.toLocaleString(), report.totalRows.toLocaleString()) : t('outcomesRefused', report.error)}
      </p>
      {report.ok ? null : <p>{t('outcomesUnchanged')}</p>}
      {left.length ? <p>{left.join(' ')}</p> : null}
      {listed.length ? (
        <div class="import-errors bt-left-out" tabIndex={0} role="region" aria-label={t('outcomesRowsTitle')}>
          <ul data-testid="outcomes-errors">
            {listed.map((e) => <li key={formatRowError(e)}>{formatRowError(e)}</li>)}
          </ul>
          {report.errors.length > listed.length ? <p class="hint">{t('importMoreErrors', (report.errors.length - listed.length).toLocaleString())}</p> : null}
        </div>
      ) : null}
    </div>
  );
}
