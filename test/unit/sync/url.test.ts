import { describe, expect, it } from 'vitest';
import { describeUrl, validateSourceUrl } from '../../../lib/data/sync';

const message = (raw: string) => {
  const r = validateSourceUrl(raw);
  return r.ok ? 'ok' : r.message;
};

describe('validateSourceUrl', () => {
  it.each(['https://data.example.com/health.csv', ' https://cdn.example/x.json?v=2 ', 'http://localhost:8080/x', 'http://127.0.0.1/x', 'http://[::1]:3000/x'])(
    'accepts %j',
    (url) => expect(message(url)).toBe('ok'),
  );

  it('refuses plain http elsewhere and says where it is allowed', () => {
    expect(message('http://data.example.com/health.csv')).toBe(
      'http://data.example.com/health.csv uses http://: sources must use https:// (http is allowed only for localhost, 127.0.0.1 and [::1])',
    );
  });

  it.each([
    ['ftp://data.example.com/x', 'the source URL uses ftp:: sources must use https://'],
    ['file:///etc/passwd', 'the source URL uses file:: sources must use https://'],
    ['javascript:alert(1)', 'the source URL uses javascript:: sources must use https://'],
    ['data.example.com/x.csv', 'the source URL is not a valid absolute URL (it must start with https://)'],
    ['', 'the source URL is not a valid absolute URL (it must start with https://)'],
    ['https://user:s3cret@data.example.com/x', "https://data.example.com/x has a user name or password in it: put credentials in the source's authentication settings instead"],
  ])('refuses %j', (url, expected) => expect(message(url)).toBe(expected));

  it('does not pass http://localhost.evil.example off as localhost', () => {
    expect(message('http://localhost.evil.example/x')).toMatch(/uses http:\/\//);
  });
});

describe('describeUrl', () => {
  it('leaves out the query, the fragment and credentials', () => {
    expect(describeUrl(new URL('https://u:p@data.example.com/a/b.csv?token=abc#x'))).toBe('https://data.example.com/a/b.csv');
  });
});
