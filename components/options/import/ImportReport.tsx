// What an import did: the accounts applied and the rows left out, or why nothing was applied. Rejected rows are
// listed by row, place in the file, column and reason, in a scrollable table of the first ones.
import type { FileImportReport } from '../../../lib/messaging';
import { t } from '../../../lib/i18n';

export const LISTED_ERRORS = 100;

export function ImportReport({ report }: { report: FileImportReport }) {
  const shown = report.errors.slice(0, LISTED_ERRORS);
  const more = report.errors.length - shown.length;
  return (
    <div class={`import-report ${report.ok ? '' : 'refused'}`} data-testid="import-report" role={report.ok ? 'status' : 'alert'}>
      {report.ok ? (
        <p class="ok" data-testid="import-summary">
          {t('importDone', report.accounts.toLocaleString(), report.totalRows.toLocaleString())}
        </p>
      ) : (
        <>
          <p class="error" data-testid="import-summary">{t('importRefused', report.error)}</p>
          <p>{t('importUnchanged')}</p>
        </>
      )}
      {report.rejectedRows > 0 ? <p>{t('importRejected', report.rejectedRows.toLocaleString())}</p> : null}
      {shown.length > 0 ? (
        <div class="import-errors" tabIndex={0} role="region" aria-label={t('importErrorsTitle')}>
          <table data-testid="import-errors">
            <thead>
              <tr>
                <th scope="col" class="num">{t('importColRow')}</th>
                <th scope="col">{t('importColWhere')}</th>
                <th scope="col">{t('importColColumn')}</th>
                <th scope="col">{t('importColReason')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((e, i) => (
                <tr key={i}>
                  <td class="num">{e.row}</td>
                  <td>{e.location}</td>
                  <td>{e.column ?? '—'}</td>
                  <td>{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {more > 0 ? <p class="hint">{t('importMoreErrors', more.toLocaleString())}</p> : null}
        </div>
      ) : null}
      {report.ok ? <a href="#/accounts">{t('importSeeAccounts')}</a> : null}
    </div>
  );
}
