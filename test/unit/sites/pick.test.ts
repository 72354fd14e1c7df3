// Which adapter serves a URL: each app's regional hosts and the views under its path, and nothing outside it
// (the manifest asks for no more than the adapters serve).

import { describe, expect, it } from 'vitest';
import { adapterFor, SITE_MATCHES } from '../../../lib/sites/pick';

const served = (url: string) => adapterFor(url)?.id ?? null;

describe('adapterFor', () => {
  it.each([
    ['https://outlook.office.com/mail/inbox/id/AAQk', 'outlook'],
    ['https://outlook.live.com/mail/0/deeplink/compose', 'outlook'],
    ['https://outlook.cloud.microsoft/mail/deeplink/read/AAMk', 'outlook'],
    ['https://app.eu.intercom.com/a/inbox/x/inbox/conversation/1', 'intercom'],
    ['https://app.au.intercom.com/a/inbox/x/inbox/conversation/1', 'intercom'],
    ['https://app-na2.hubspot.com/contacts/1/record/0-2/9', 'hubspot'],
    ['https://app-ap1.hubspot.com/contacts/1/objects/0-2/views/all/list', 'hubspot'],
    ['https://app-eu1.hubspot.com/contacts/1/record/0-1/9', 'hubspot'],
  ])('%s → %s', (url, id) => expect(served(url)).toBe(id));

  it.each([
    'https://outlook.office.com/calendar/view/month',
    'https://outlook.live.com/owa/',
    'https://app.hubspot.com/reports-dashboard/1',
    'https://app.intercom.com/oauth',
    'https://eu.intercom.com/a/inbox',
  ])('serves nothing at %s', (url) => expect(served(url)).toBeNull());

  it('lists every pattern once for the manifest', () => {
    expect(new Set(SITE_MATCHES).size).toBe(SITE_MATCHES.length);
    expect(SITE_MATCHES).toContain('https://app.au.intercom.com/a/*');
  });
});
