import { describe, expect, it } from 'vitest';
import { type MetricCatalogueEntry, attributeKey, autoMapping, mappingProblems, normalizeHeader } from '../../../lib/data/import/mapping';

const catalogue: MetricCatalogueEntry[] = [
  { key: 'logins_per_week', kind: 'number', label: 'Logins per week' },
  { key: 'active_seats_pct', kind: 'number', label: 'Active seats' },
  { key: 'csm_sentiment', kind: 'category', label: 'CSM sentiment' },
  { key: 'last_login', kind: 'date', label: 'Last login' },
];

describe('normalizeHeader and attributeKey', () => {
  it('ignores case, spaces, underscores and punctuation', () => {
    expect(['Account ID', 'account_id', 'ACCOUNT-ID', ' Account.Id ', 'AccountId'].map(normalizeHeader)).toEqual(Array(5).fill('accountid'));
  });

  it('drops the suffix that tells repeated headers apart', () => {
    expect(normalizeHeader('Email (2)')).toBe('email');
  });

  it('turns a header into a snake_case attribute key without accents', () => {
    expect(attributeKey('Renewal Date')).toBe('renewal_date');
    expect(attributeKey('  Région / Pays ')).toBe('region_pays');
  });
});

describe('autoMapping', () => {
  it('recognises identity columns by their common names', () => {
    const mapping = autoMapping(['Account ID', 'Company', 'Website', 'Emails'], catalogue);
    expect(mapping).toEqual({
      'Account ID': { kind: 'identity', field: 'id' },
      Company: { kind: 'identity', field: 'name' },
      Website: { kind: 'identity', field: 'domains' },
      Emails: { kind: 'identity', field: 'contacts' },
    });
  });

  it.each([
    ['account_id', 'id'], ['Customer ID', 'id'], ['SFDC Id', 'id'],
    ['Account Name', 'name'], ['organisation', 'name'],
    ['Domain', 'domains'], ['URL', 'domains'],
    ['Contact Emails', 'contacts'], ['email address', 'contacts'],
  ])('maps %j to %s', (header, field) => {
    expect(autoMapping([header], catalogue)[header]).toEqual({ kind: 'identity', field });
  });

  it('matches metrics by key and by label, whatever the spelling', () => {
    const mapping = autoMapping(['logins_per_week', 'Active Seats', 'CSM_Sentiment', 'LAST LOGIN'], catalogue);
    expect(Object.values(mapping)).toEqual([
      { kind: 'metric', key: 'logins_per_week' },
      { kind: 'metric', key: 'active_seats_pct' },
      { kind: 'metric', key: 'csm_sentiment' },
      { kind: 'metric', key: 'last_login' },
    ]);
  });

  it('maps outcome and as-of columns', () => {
    expect(Object.values(autoMapping(['Churned', 'Churn Date', 'Expanded', 'As Of'], catalogue))).toEqual([
      { kind: 'outcome', field: 'churned' },
      { kind: 'outcome', field: 'churnedAt' },
      { kind: 'outcome', field: 'expanded' },
      { kind: 'asOf' },
    ]);
  });

  it('keeps every other column as an attribute', () => {
    expect(autoMapping(['Plan', 'Renewal Date'], catalogue)).toEqual({
      Plan: { kind: 'attribute', key: 'plan' },
      'Renewal Date': { kind: 'attribute', key: 'renewal_date' },
    });
  });

  it('reads nested JSON columns as attributes and metrics', () => {
    expect(autoMapping(['attributes.plan', 'metrics.last_login', 'metrics.unknown'], catalogue)).toEqual({
      'attributes.plan': { kind: 'attribute', key: 'plan' },
      'metrics.last_login': { kind: 'metric', key: 'last_login' },
      'metrics.unknown': { kind: 'attribute', key: 'unknown' },
    });
  });

  it('gives a one-column target to the first claimant only; contacts may span columns', () => {
    const mapping = autoMapping(['Company', 'Account Name', 'Email', 'Email (2)'], catalogue);
    expect(mapping['Company']).toEqual({ kind: 'identity', field: 'name' });
    expect(mapping['Account Name']).toEqual({ kind: 'attribute', key: 'account_name' });
    expect(mapping['Email']).toEqual({ kind: 'identity', field: 'contacts' });
    expect(mapping['Email (2)']).toEqual({ kind: 'identity', field: 'contacts' });
  });

  it('keeps an edited mapping and maps only the headers it does not name', () => {
    const edited = { Company: { kind: 'ignore' as const }, 'Legal name': { kind: 'identity' as const, field: 'name' as const } };
    const mapping = autoMapping(['Legal name', 'Company', 'Logins per week'], catalogue, edited);
    expect(mapping).toEqual({
      'Legal name': { kind: 'identity', field: 'name' },
      Company: { kind: 'ignore' },
      'Logins per week': { kind: 'metric', key: 'logins_per_week' },
    });
  });

  it('does not give a new header a target the edited mapping already uses', () => {
    const mapping = autoMapping(['Account', 'Name'], catalogue, { Account: { kind: 'identity', field: 'name' } });
    expect(mapping['Name']).toEqual({ kind: 'attribute', key: 'name' });
  });

  it('treats headers named like Object.prototype members as plain headers', () => {
    const mapping = autoMapping(['__proto__', 'constructor', 'name'], catalogue);
    expect(Object.getPrototypeOf(mapping)).toBe(Object.prototype);
    expect(mapping['constructor']).toEqual({ kind: 'attribute', key: 'constructor' });
    expect(Object.keys(mapping)).toEqual(['__proto__', 'constructor', 'name']);
  });
});

describe('mappingProblems', () => {
  it('accepts an automatic mapping with a name column', () => {
    const headers = ['Company', 'Logins per week'];
    expect(mappingProblems(autoMapping(headers, catalogue), headers, catalogue)).toEqual([]);
  });

  it('needs an id or a name column', () => {
    const headers = ['Plan', 'NPS'];
    expect(mappingProblems(autoMapping(headers, catalogue), headers, catalogue)).toEqual(['no column gives the account id or name (headers: "Plan", "NPS")']);
  });

  it('names an edited target the catalogue does not have, a duplicate claim and an unmapped header', () => {
    const headers = ['id', 'a', 'b', 'c'];
    const problems = mappingProblems(
      { id: { kind: 'identity', field: 'id' }, a: { kind: 'metric', key: 'nps' }, b: { kind: 'identity', field: 'id' } },
      headers,
      catalogue,
    );
    expect(problems).toEqual([
      `column "a" maps to metric "nps", which the config's metrics catalogue does not have`,
      'columns "id" and "b" both map to account id: keep one, ignore the other',
      'column "c" has no target (map it or set it to ignore)',
    ]);
  });
});
