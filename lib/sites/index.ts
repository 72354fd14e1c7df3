// Every host-app adapter, and the generic one for sites the user enables.

import { generic } from './generic';
import { gmail } from './gmail';
import type { SiteAdapter } from './types';

export { missingRequiredSelectors, resetSelectorReport } from './select';

export const SITE_ADAPTERS: readonly SiteAdapter[] = [gmail];

export { generic };

export const ALL_ADAPTERS: readonly SiteAdapter[] = [...SITE_ADAPTERS, generic];
