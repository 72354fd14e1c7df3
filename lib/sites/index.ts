// Every host-app adapter, and the generic one for sites the user enables.

import { freshdesk } from './freshdesk';
import { front } from './front';
import { generic } from './generic';
import { gmail } from './gmail';
import { helpscout } from './helpscout';
import { hubspot } from './hubspot';
import { intercom } from './intercom';
import { outlook } from './outlook';
import { pipedrive } from './pipedrive';
import { salesforce } from './salesforce';
import type { SiteAdapter } from './types';
import { zendesk } from './zendesk';

export { missingRequiredSelectors, resetSelectorReport } from './select';

export const SITE_ADAPTERS: readonly SiteAdapter[] = [
  gmail, outlook, zendesk, freshdesk, intercom, helpscout, front, salesforce, hubspot, pipedrive,
];

export { generic };

export const ALL_ADAPTERS: readonly SiteAdapter[] = [...SITE_ADAPTERS, generic];
