// Where e2e screenshots go: test-results/screenshots by default, so `npm test` never rewrites committed files;
// `npm run screenshots` points it at docs/images to refresh the README's pictures.
import { join } from 'node:path';

export const shotPath = (name: string) => join(process.env.HEALTHMARK_SHOTS ?? 'test-results/screenshots', name);
