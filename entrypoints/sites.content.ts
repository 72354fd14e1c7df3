import { defineContentScript } from 'wxt/utils/define-content-script';
import { startOnPage } from '@/lib/page/start';
import { generic } from '@/lib/sites/generic';
import { SITE_MATCHES, adapterFor } from '@/lib/sites/pick';

// The known host apps (Gmail, Outlook, Zendesk, Salesforce, …): the adapter for this URL, generic as fallback.
export default defineContentScript({
  matches: SITE_MATCHES,
  runAt: 'document_idle',
  async main(ctx) {
    await startOnPage(ctx, { site: adapterFor(location.href), fallback: generic });
  },
});
