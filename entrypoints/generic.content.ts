import { defineContentScript } from 'wxt/utils/define-content-script';
import { startOnPage } from '@/lib/page/start';
import { generic } from '@/lib/sites/generic';

// Pages on this machine (the demo, a self-hosted tool) and, registered at runtime with the same file, every site
// the user enables in the options: email addresses in text and mailto links, and known customer domains.
export default defineContentScript({
  matches: ['http://localhost/*', 'http://127.0.0.1/*'],
  runAt: 'document_idle',
  async main(ctx) {
    await startOnPage(ctx, { site: null, fallback: generic });
  },
});
