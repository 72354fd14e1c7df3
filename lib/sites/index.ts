// Every host-app adapter, and the generic one for sites the user enables.

import { generic } from './generic';
import { gmail } from './gmail';
import { salesforce } from './salesforce';
import type { SiteAdapter } from './types';
import { zendesk } from './zendesk';

export { missingRequiredSelectors, resetSelectorReport } from './select';

export const SITE_ADAPTERS: readonly SiteAdapter[] = [gmail, zendesk, salesforce];

export { generic };

export const ALL_ADAPTERS: readonly SiteAdapter[] = [...SITE_ADAPTERS, generic];
