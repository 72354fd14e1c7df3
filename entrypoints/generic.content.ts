import { defineContentScript } from 'wxt/utils/define-content-script';
import { runOnPage } from '@/lib/page/start';
import { generic } from '@/lib/sites/generic';

// Local pages (the demo and self-hosted tools on this machine): email addresses in text and mailto links.
export default defineContentScript({
  matches: ['http://localhost/*', 'http://127.0.0.1/*'],
  runAt: 'document_idle',
  main(ctx) {
    runOnPage([generic], ctx.signal);
  },
});
