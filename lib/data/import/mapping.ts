// Which column feeds what: identity fields, metrics of the config's catalogue, attributes, outcomes, the as-of
// date, or nothing. Found automatically from the headers, editable by the admin and stored with the source.

export type IdentityField = 'id' | 'name' | 'domains' | 'contacts';
export type OutcomeField = 'churned' | 'churnedAt' | 'expanded';
/** How an attribute cell is read; 'auto' turns plain numbers, true/false and dates into typed values. */
export type AttributeType = 'auto' | 'text' | 'number' | 'boolean' | 'date';
export type MetricKind = 'number' | 'boolean' | 'category' | 'date';

export type ColumnTarget =
  | { kind: 'identity'; field: IdentityField }
  | { kind: 'metric'; key: string }
  | { kind: 'attribute'; key: string; type?: AttributeType }
  | { kind: 'outcome'; field: OutcomeField }
  | { kind: 'asOf' }
  | { kind: 'ignore' };

/** Header → target. Plain data: the UI edits it and the source stores it. */
export type ColumnMapping = Record<string, ColumnTarget>;

/** What import needs to know about a metric of the config (its `metrics` catalogue). */
export interface MetricCatalogueEntry {
  key: string;
  kind: MetricKind;
  label?: string;
}

/** Lower case, letters and digits only, without a `(2)` that tells apart repeated headers. */
export function normalizeHeader(header: string): string {
  return header
    .replace(/\(\d+\)\s*$/, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** `Renewal Date` → `renewal_date`: the attribute key a column gets unless the mapping says otherwise. */
export function attributeKey(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
}

const ALIASES: ReadonlyArray<[ColumnTarget, string[]]> = [
  [{ kind: 'identity', field: 'id' }, ['id', 'accountid', 'customerid', 'companyid', 'externalid', 'crmid', 'sfdcid', 'salesforceid', 'hubspotid', 'orgid', 'organizationid', 'organisationid']],
  [{ kind: 'identity', field: 'name' }, ['name', 'accountname', 'company', 'companyname', 'customer', 'customername', 'account', 'organization', 'organisation', 'organizationname', 'organisationname', 'orgname']],
  [{ kind: 'identity', field: 'domains' }, ['domain', 'domains', 'website', 'websites', 'url', 'web', 'site', 'companydomain', 'emaildomain', 'emaildomains']],
  [{ kind: 'identity', field: 'contacts' }, ['email', 'emails', 'contact', 'contacts', 'contactemail', 'contactemails', 'primaryemail', 'emailaddress', 'emailaddresses']],
  [{ kind: 'asOf' }, ['asof', 'asofdate', 'snapshotdate', 'metricsdate', 'metricsasof', 'date']],
  [{ kind: 'outcome', field: 'churned' }, ['churned', 'churn', 'ischurned', 'haschurned', 'outcomechurned']],
  [{ kind: 'outcome', field: 'churnedAt' }, ['churndate', 'churnedat', 'churnedon', 'churneddate', 'outcomechurnedat']],
  [{ kind: 'outcome', field: 'expanded' }, ['expanded', 'expansion', 'hasexpanded', 'outcomeexpanded']],
];

const ALIAS_TARGETS: ReadonlyMap<string, ColumnTarget> = new Map(
  ALIASES.flatMap(([target, names]) => names.map((name) => [name, target] as const)),
);

/** A name for the thing a target fills, for messages and for telling which targets take one column only. */
export function describeTarget(target: ColumnTarget): string {
  switch (target.kind) {
    case 'identity':
      return { id: 'account id', name: 'account name', domains: 'domains', contacts: 'contact emails' }[target.field];
    case 'metric':
      return `metric "${target.key}"`;
    case 'attribute':
      return `attribute "${target.key}"`;
    case 'outcome':
      return { churned: 'churned', churnedAt: 'churn date', expanded: 'expanded' }[target.field];
    case 'asOf':
      return 'as-of date';
    case 'ignore':
      return 'ignored';
  }
}

/** Domains and contacts may be spread over several columns; every other target takes one. */
function takesOneColumn(target: ColumnTarget): boolean {
  return !(target.kind === 'ignore' || (target.kind === 'identity' && (target.field === 'domains' || target.field === 'contacts')));
}

export function mappedTarget(mapping: ColumnMapping, header: string): ColumnTarget | undefined {
  return Object.hasOwn(mapping, header) ? mapping[header] : undefined;
}

function guessTarget(header: string, metrics: ReadonlyMap<string, MetricCatalogueEntry>, byName: ReadonlyMap<string, string>): ColumnTarget {
  const nested = /^(attributes|metrics)\.(.+)$/i.exec(header.trim());
  if (nested) {
    const key = nested[2]!;
    if (nested[1]!.toLowerCase() === 'metrics' && metrics.has(key)) return { kind: 'metric', key };
    return { kind: 'attribute', key: attributeKey(key) };
  }
  if (metrics.has(header.trim())) return { kind: 'metric', key: header.trim() };
  const normalized = normalizeHeader(header);
  const metricKey = byName.get(normalized);
  if (metricKey !== undefined) return { kind: 'metric', key: metricKey };
  return ALIAS_TARGETS.get(normalized) ?? { kind: 'attribute', key: attributeKey(header) };
}

/**
 * The mapping for these headers: `fixed` (an edited or stored mapping) wins for the headers it names; every other
 * header is matched by metric key or label, then by identity and outcome aliases, else kept as an attribute. A
 * target that takes one column goes to the first header that claims it; later ones become attributes.
 */
export function autoMapping(headers: readonly string[], catalogue: readonly MetricCatalogueEntry[], fixed: ColumnMapping = {}): ColumnMapping {
  const metrics = new Map(catalogue.map((m) => [m.key, m]));
  const byName = new Map<string, string>();
  for (const m of catalogue) for (const name of [m.key, m.label ?? '']) if (name && !byName.has(normalizeHeader(name))) byName.set(normalizeHeader(name), m.key);
  const taken = new Set(headers.flatMap((h) => {
    const target = mappedTarget(fixed, h);
    return target && takesOneColumn(target) ? [describeTarget(target)] : [];
  }));
  const entries = headers.map((header, index): [string, ColumnTarget] => {
    const stored = mappedTarget(fixed, header);
    if (stored) return [header, stored];
    let target = guessTarget(header, metrics, byName);
    if (takesOneColumn(target) && taken.has(describeTarget(target))) target = { kind: 'attribute', key: attributeKey(header) };
    if (target.kind === 'attribute' && (target.key === '' || taken.has(describeTarget(target)))) target = { kind: 'attribute', key: `column_${index + 1}` };
    if (takesOneColumn(target)) taken.add(describeTarget(target));
    return [header, target];
  });
  return Object.fromEntries(entries);
}

/** Problems that make the mapping unusable for these headers, one sentence each; empty when it is fine. */
export function mappingProblems(mapping: ColumnMapping, headers: readonly string[], catalogue: readonly MetricCatalogueEntry[]): string[] {
  const problems: string[] = [];
  const metricKeys = new Set(catalogue.map((m) => m.key));
  const claimedBy = new Map<string, string>();
  for (const header of headers) {
    const target = mappedTarget(mapping, header);
    if (!target) {
      problems.push(`column "${header}" has no target (map it or set it to ignore)`);
      continue;
    }
    if (target.kind === 'metric' && !metricKeys.has(target.key))
      problems.push(`column "${header}" maps to metric "${target.key}", which the config's metrics catalogue does not have`);
    if (target.kind === 'attribute' && target.key.trim() === '') problems.push(`column "${header}" maps to an attribute without a key`);
    if (!takesOneColumn(target)) continue;
    const what = describeTarget(target);
    const first = claimedBy.get(what);
    if (first !== undefined) problems.push(`columns "${first}" and "${header}" both map to ${what}: keep one, ignore the other`);
    else claimedBy.set(what, header);
  }
  if (!claimedBy.has('account id') && !claimedBy.has('account name'))
    problems.push(`no column gives the account id or name (headers: ${headers.map((h) => `"${h}"`).join(', ') || 'none'})`);
  return problems;
}
