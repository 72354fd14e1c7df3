// The importOutcomes message through the background router: a valid request merges the file and answers with
// the report (no list of matched rows); a malformed one is refused with its path before anything is read.
import { describe, expect, test } from 'vitest';
import { outcomeHandlers } from '../../../lib/background/handlers/outcomes';
import { type Handlers, createRouter } from '../../../lib/background/router';
import { useDemoDb } from '../options/fixtures';

describe('importOutcomes', () => {
  const { db } = useDemoDb();
  const route = () => createRouter(outcomeHandlers(db()) as Partial<Handlers> as Handlers, 'ext-id');
  const self = { id: 'ext-id' };

  test('merges the file with the chosen columns and answers with the report', async () => {
    const columns = { account: 'Customer', match: 'id', churned: 'Lost', churnedAt: null, expanded: null };
    const reply = await route()({ type: 'importOutcomes', payload: { name: 'lost.csv', text: 'Customer,Lost\nacc-001,yes\nacc-999,no\n', settings: { columns } } }, self);
    expect(reply).toEqual({
      ok: true,
      data: { ok: true, totalRows: 2, applied: 1, unknownRows: 1, rejectedRows: 0, emptyRows: 0, errors: [{ row: 2, location: 'line 3', column: 'Customer', message: 'no account has the id "acc-999"' }] },
    });
    expect(await db().outcomes.get('acc-001')).toMatchObject({ churned: true, source: 'file:lost.csv' });
  });

  test('a refusal comes back as a report, and a malformed request is refused by the router', async () => {
    const refused = await route()({ type: 'importOutcomes', payload: { name: 'x.csv', text: 'id,churned\nnobody,yes\n', settings: {} } }, self);
    expect(refused).toMatchObject({ ok: true, data: { ok: false, applied: 0, error: expect.stringMatching(/^none of the 1 rows/) } });
    const columns = { account: 'id', match: 'email', churned: 'churned', churnedAt: null, expanded: null };
    const malformed = await route()({ type: 'importOutcomes', payload: { name: 'x.csv', text: 'id\n', settings: { columns } } }, self);
    expect(malformed).toMatchObject({ ok: false, error: expect.stringMatching(/^Invalid "importOutcomes" message at settings\.columns\.match: /) });
    expect(await db().outcomes.count()).toBe(0);
  });
});
