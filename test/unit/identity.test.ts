import { describe, expect, test } from 'vitest';
import { accountIdentityKeys, normalizeCompanyName, normalizeDomain, normalizeEmail } from '../../lib/identity';

describe('normalizeEmail', () => {
  test.each([
    ['Dana.Wu@Acme-Analytics.example', 'dana.wu@acme-analytics.example'],
    ['  mailto:dana.wu@acme.example?subject=Hi ', 'dana.wu@acme.example'],
    ['mailto:dana%2Bcs@acme.example', 'dana+cs@acme.example'],
  ])('%s → %s', (raw, expected) => expect(normalizeEmail(raw)).toBe(expected));

  test.each(['not an email', 'a@b', '<script>@x.com', 'a b@c.com', 'mailto:%E0%A4%A', ''])('%s is not an email', (raw) => {
    expect(normalizeEmail(raw)).toBeNull();
  });
});

test('normalizeDomain strips scheme, www, port and path', () => {
  expect(normalizeDomain('https://www.Acme.com:8443/pricing?x=1')).toBe('acme.com');
  expect(normalizeDomain('acme')).toBeNull();
});

describe('normalizeCompanyName', () => {
  test.each([
    ['Acme, Inc.', 'acme'],
    ['ACME inc', 'acme'],
    ['Acme GmbH & Co. KG', 'acme'],
    ['Marks & Spencer plc', 'marks and spencer'],
    ['Société Générale S.A.', 'societe generale'],
    ['Borealis Logistics Ltd', 'borealis logistics'],
  ])('%s → %s', (raw, expected) => expect(normalizeCompanyName(raw)).toBe(expected));

  test('a lone legal suffix is kept rather than erased', () => {
    expect(normalizeCompanyName('Inc')).toBe('inc');
  });

  test('names with markup stay plain text keys', () => {
    expect(normalizeCompanyName('<img src=x onerror=alert(1)>')).toBe('img src x onerror alert 1');
  });
});

test('free-mail contacts map by their address, never by their domain', () => {
  const keys = accountIdentityKeys({ name: 'Kestrel Bakery', domains: ['kestrel-bakery.example', 'gmail.com'], contacts: ['owner@gmail.com'] });
  expect(keys).toContain('email:owner@gmail.com');
  expect(keys).toContain('domain:kestrel-bakery.example');
  expect(keys).not.toContain('domain:gmail.com');
  expect(keys).toContain('name:kestrel bakery');
});
