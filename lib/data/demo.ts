// The embedded demo dataset (public/demo/accounts.json, made by lib/dev/make-demo-data.ts).
// Its dates are written relative to a reference day and moved to "today" when loaded, so the demo never goes
// stale: metrics stay fresh, renewals stay upcoming and the weekly snapshots give real 7- and 30-day trends.
import { dayNumber, isoDay, isoDayOf } from '../dates';
import type { AttributeValue, MetricValues } from '../scoring/types';
import type { IncomingAccount, Snapshot } from './apply';

type RawValue = number | string | boolean;

export interface DemoAccount {
  id: string;
  name: string;
  domains: string[];
  contacts: string[];
  attributes: Record<string, AttributeValue>;
  /** Current metric values, all describing the day `asOf`. */
  metrics: Record<string, RawValue>;
  asOf: string;
  /** Earlier values, `daysAgo` days before the reference day. */
  snapshots: { daysAgo: number; metrics: Record<string, RawValue> }[];
}

export interface DemoDataset {
  kind: 'healthmark-demo';
  referenceDate: string;
  accounts: DemoAccount[];
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const shiftDay = (day: string, days: number) => isoDay(dayNumber(day) + days);

/** Moves ISO-day strings by `days`; other values pass through. */
function shiftValue<T extends AttributeValue>(value: T, days: number): T {
  return (typeof value === 'string' && ISO_DAY.test(value) ? shiftDay(value, days) : value) as T;
}

function dated(values: Record<string, RawValue>, asOf: string, shift: number): MetricValues {
  const out: MetricValues = {};
  for (const [key, value] of Object.entries(values)) out[key] = { value: shiftValue(value, shift), asOf };
  return out;
}

export interface RebasedDemo {
  accounts: IncomingAccount[];
  snapshots: Snapshot[];
}

/** The dataset with every date moved so that its reference day becomes `today`. */
export function rebaseDemo(dataset: DemoDataset, today: Date): RebasedDemo {
  const reference = isoDayOf(today);
  const shift = dayNumber(reference) - dayNumber(dataset.referenceDate);
  const accounts: IncomingAccount[] = [];
  const snapshots: Snapshot[] = [];
  for (const a of dataset.accounts) {
    const attributes = Object.fromEntries(Object.entries(a.attributes).map(([k, v]) => [k, shiftValue(v, shift)]));
    accounts.push({ id: a.id, name: a.name, domains: a.domains, contacts: a.contacts, attributes, metrics: dated(a.metrics, shiftDay(a.asOf, shift), shift) });
    for (const s of a.snapshots) {
      const day = shiftDay(reference, -s.daysAgo);
      snapshots.push({ accountId: a.id, day, metrics: dated(s.metrics, day, shift) });
    }
  }
  return { accounts, snapshots };
}

export function isDemoDataset(value: unknown): value is DemoDataset {
  const v = value as DemoDataset | null;
  return !!v && v.kind === 'healthmark-demo' && typeof v.referenceDate === 'string' && Array.isArray(v.accounts);
}
