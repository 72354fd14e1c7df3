import { describe, expect, it } from 'vitest';
import { readHistory } from '../../../lib/data/backtest/history';

describe('readHistory', () => {
  it('reads CSV with any spelling of the headers, an empty score as no score', async () => {
    const csv = 'Account ID,Date,Score\na-1,2025-01-01,55\na-2,2025-01-01,\n';
    expect(await readHistory(csv, 'h.csv')).toEqual({
      ok: true,
      points: [
        { accountId: 'a-1', day: '2025-01-01', score: 55 },
        { accountId: 'a-2', day: '2025-01-01', score: null },
      ],
    });
  });

  it('reads JSON and NDJSON, numeric ids included', async () => {
    const expected = { ok: true, points: [{ accountId: '7', day: '2025-02-01', score: 40 }] };
    expect(await readHistory('[{"accountId": 7, "day": "2025-02-01", "score": 40}]', 'h.json')).toEqual(expected);
    expect(await readHistory('{"account_id": "7", "day": "2025-02-01", "score": 40}\n', 'h.ndjson')).toEqual(expected);
  });

  it('names missing columns and every unreadable row by row and line', async () => {
    expect(await readHistory('account,when,score\na,2025-01-01,5\n', 'h.csv')).toEqual({
      ok: false,
      error: 'needs the columns "day" (found "account", "when", "score")',
    });
    const bad = 'account_id,day,score\n,2025-01-01,5\na,2025-01-01,120\nb,2025-01-01,-\n';
    expect(await readHistory(bad, 'h.csv')).toEqual({
      ok: false,
      error:
        '3 rows cannot be read: row 1 (line 2): has no account id; row 2 (line 3): score "120" is not a number from 0 to 100; ' +
        'row 3 (line 4): score "-" is not a number from 0 to 100',
    });
    expect(await readHistory('', 'h.csv')).toEqual({ ok: false, error: 'the file is empty' });
  });
});
