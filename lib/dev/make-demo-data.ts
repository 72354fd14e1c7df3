// Generates the embedded demo dataset (public/demo/accounts.json): 40 fictional accounts with contacts, domains,
// attributes, current metrics and weekly snapshots of the last 30 days, spread from champion to at risk.
// Deterministic (seeded), so the committed file only changes when this script does.
// Run: npx tsx lib/dev/make-demo-data.ts
import { writeFileSync } from 'node:fs';
import type { DemoAccount, DemoDataset } from '../data/demo';

const REFERENCE_DATE = '2026-11-20';

/** Accounts the demo pages and site fixtures use by name; their order and contacts are part of that contract. */
const NAMED: [string, string[]][] = [
  ['Acme Analytics', ['dana.wu', 'lee.park']],
  ['Borealis Logistics', ['ana.silva', 'tom.reed']],
  ['Cobalt Health', ['mia.chen']],
  ['Driftwood Media', ['omar.haddad']],
  ['Evergreen Foods', ['sara.nilsen']],
  ['Fjord Robotics', ['ivan.petrov']],
  ['Granite Insurance', ['julia.costa']],
  ['Helios Solar', ['ken.ito']],
  ['Indigo Apparel', ['ruth.okafor']],
  ['Juniper Schools', ['paul.meyer']],
];

const MORE_NAMES = [
  'Kestrel Bakery', 'Lumen Legal', 'Meridian Bank', 'Nimbus Cloudworks', 'Orchid Dental', 'Pioneer Freight',
  'Quartz Labs', 'Redwood Realty', 'Sable Security', 'Tidal Energy', 'Umber Architects', 'Vantage Retail',
  'Willow Pharmacy', 'Xenon Games', 'Yarrow Farms', 'Zephyr Travel', 'Atlas Manufacturing', 'Beacon Nonprofit',
  'Cedar Clinics', 'Delta Drones', 'Ember Coffee', 'Falcon Aerospace', 'Garnet Jewelry', 'Harbor Hotels',
  'Iris Optics', 'Jasper Mining', 'Koi Sushi Group', 'Lattice Software', 'Magnolia Events', 'Nova Biotech',
];

const FIRST = ['alex', 'bea', 'chris', 'dev', 'eli', 'fatima', 'gus', 'hana', 'ines', 'jon', 'kai', 'lina', 'mo', 'nora'];
const LAST = ['khan', 'lopez', 'smith', 'ng', 'berg', 'rossi', 'adams', 'ortiz', 'sato', 'ward', 'cole', 'diaz'];
const INDUSTRIES = ['software', 'logistics', 'healthcare', 'media', 'food', 'manufacturing', 'finance', 'education', 'retail', 'energy'];
const OWNERS = ['Priya Raman', 'Marco Bianchi', 'Chloe Martin', 'Sam Okoye'];
const REGIONS = ['EMEA', 'NA', 'APAC', 'LATAM'];

// Health profile per account, in order: [quality now, quality 30 days ago]. The spread gives every tier,
// some accounts sliding (trend down), some recovering, and two with too little data to score.
const PROFILES: [number, number][] = [
  [0.92, 0.9], [0.2, 0.55], [0.7, 0.68], [0.45, 0.5], [0.85, 0.7], [0.3, 0.32], [0.6, 0.75], [0.95, 0.93],
  [0.12, 0.3], [0.55, 0.4], [0.8, 0.82], [0.35, 0.6], [0.66, 0.66], [0.9, 0.85], [0.18, 0.2], [0.5, 0.52],
  [0.75, 0.6], [0.4, 0.42], [0.62, 0.64], [0.88, 0.9], [0.25, 0.5], [0.72, 0.7], [0.48, 0.3], [0.97, 0.95],
  [0.33, 0.35], [0.58, 0.6], [0.1, 0.15], [0.78, 0.8], [0.52, 0.7], [0.68, 0.66], [0.42, 0.45], [0.83, 0.8],
  [0.28, 0.27], [0.64, 0.5], [0.9, 0.92], [0.5, 0.48], [0.22, 0.4], [0.76, 0.77], [-1, -1], [-1, -1],
];

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = mulberry32(20261120);
const jitter = (spread: number) => (random() - 0.5) * 2 * spread;
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const round1 = (v: number) => Math.round(v * 10) / 10;

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/** Raw metric values for a health quality q (0 worst … 1 best), as a warehouse export would carry them. */
function metricsFor(quality: number, day: string): Record<string, number | string> {
  const q = quality ** 1.35; // few accounts are near-perfect on every measure
  return {
    logins_per_week: round1(clamp(q * 15 + jitter(1.5), 0, 25)),
    feature_adoption_pct: Math.round(clamp(12 + q * 80 + jitter(6), 0, 100)),
    active_seats_pct: Math.round(clamp(18 + q * 82 + jitter(5), 0, 100)),
    setup_completion_pct: Math.round(clamp(25 + q * 78 + jitter(8), 0, 100)),
    integrations: Math.round(clamp(q * 7 + jitter(1), 0, 10)),
    nps: Math.round(clamp(-70 + q * 150 + jitter(12), -100, 100)),
    csm_sentiment: q > 0.62 ? 'green' : q > 0.36 ? 'yellow' : 'red',
    open_tickets: Math.round(clamp((1 - q) * 14 + jitter(2), 0, 30)),
    days_past_due: q < 0.22 ? 45 : q < 0.4 ? 12 : 0,
    last_login: addDays(day, -Math.round(clamp((1 - q) * 24 + jitter(2), 0, 60))),
  };
}

function account(index: number, name: string, localParts: string[]): DemoAccount {
  const [now, before] = PROFILES[index]!;
  const domain = `${slug(name)}.example`;
  const employees = Math.round(20 + random() * (index % 3 === 0 ? 4000 : 400));
  const segment = employees > 1000 ? 'enterprise' : employees > 200 ? 'mid-market' : 'smb';
  const contacts = localParts.map((p) => `${p}@${domain}`);
  // One owner-run account writes from a free-mail address: it maps by that exact email, never by gmail.com.
  if (name === 'Kestrel Bakery') contacts.push('kestrel.bakery.owner@gmail.com');
  const base = {
    id: `acc-${String(index + 1).padStart(3, '0')}`,
    name,
    domains: [domain],
    contacts,
    attributes: {
      plan: segment === 'enterprise' ? 'enterprise' : segment === 'mid-market' ? 'growth' : 'starter',
      segment,
      industry: INDUSTRIES[index % INDUSTRIES.length]!,
      employees,
      arr: Math.round((employees * 90 + random() * 20000) / 100) * 100,
      renewal_date: addDays(REFERENCE_DATE, Math.round(10 + random() * 340)),
      owner: OWNERS[index % OWNERS.length]!,
      region: REGIONS[index % REGIONS.length]!,
    },
  };
  if (now < 0) {
    // Too little data: only survey and CSM inputs, which do not reach the minimum coverage.
    return { ...base, metrics: { nps: 10, csm_sentiment: 'yellow' }, asOf: addDays(REFERENCE_DATE, -1), snapshots: [] };
  }
  const snapshots = [30, 21, 14, 7].map((daysAgo) => {
    const q = before + ((now - before) * (30 - daysAgo)) / 30;
    return { daysAgo, metrics: metricsFor(q, addDays(REFERENCE_DATE, -daysAgo)) };
  });
  return { ...base, metrics: metricsFor(now, REFERENCE_DATE), asOf: addDays(REFERENCE_DATE, -1), snapshots };
}

function contactsFor(index: number): string[] {
  const count = 1 + (index % 3);
  return Array.from({ length: count }, (_, k) => `${FIRST[(index * 3 + k) % FIRST.length]}.${LAST[(index * 5 + k * 7) % LAST.length]}`);
}

const accounts = [
  ...NAMED.map(([name, parts], i) => account(i, name, parts)),
  ...MORE_NAMES.map((name, i) => account(NAMED.length + i, name, contactsFor(i))),
];

const dataset: DemoDataset = { kind: 'healthmark-demo', referenceDate: REFERENCE_DATE, accounts };
writeFileSync('public/demo/accounts.json', JSON.stringify(dataset, null, 1) + '\n');
console.log(`wrote public/demo/accounts.json: ${accounts.length} accounts`);
