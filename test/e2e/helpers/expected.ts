// What the badges should say: the demo dataset scored in Node by the same engine, with the default preset,
// exactly as the extension does on first install.
import { readFileSync } from 'node:fs';
import { rebaseDemo, type DemoDataset } from '../../../lib/data/demo';
import { accountIdentityKeys, emailDomain, isFreeMailDomain, normalizeCompanyName, normalizeDomain, normalizeEmail } from '../../../lib/identity';
import { scoreAccount, validateConfig } from '../../../lib/scoring';
import type { ScoreResult } from '../../../lib/scoring/types';

export interface Expected {
  name: string;
  result: ScoreResult;
}

export function expectedDemoScores(now = new Date()): { byEmail: Map<string, Expected>; all: Expected[] } {
  const dataset = JSON.parse(readFileSync('public/demo/accounts.json', 'utf8')) as DemoDataset;
  const checked = validateConfig(JSON.parse(readFileSync('public/presets/default.json', 'utf8')));
  if (!checked.ok) throw new Error(`default preset invalid: ${JSON.stringify(checked.issues)}`);
  const { accounts } = rebaseDemo(dataset, now);
  const byEmail = new Map<string, Expected>();
  const all: Expected[] = [];
  for (const a of accounts) {
    const e = { name: a.name, result: scoreAccount(checked.config, a, a.metrics, { now }) };
    all.push(e);
    for (const c of a.contacts) byEmail.set(c.toLowerCase(), e);
  }
  return { byEmail, all };
}

/** Which candidates the background should resolve to a demo account (the same rules as lib/data/lookup.ts). */
export function demoResolver(): (kind: 'email' | 'domain' | 'name', value: string) => string | null {
  const dataset = JSON.parse(readFileSync('public/demo/accounts.json', 'utf8')) as DemoDataset;
  const owner = new Map<string, string>();
  for (const a of dataset.accounts) for (const key of accountIdentityKeys(a)) if (!owner.has(key)) owner.set(key, a.id);
  return (kind, value) => {
    if (kind === 'email') {
      const email = normalizeEmail(value);
      if (!email) return null;
      const domain = emailDomain(email);
      return owner.get(`email:${email}`) ?? (isFreeMailDomain(domain) ? null : (owner.get(`domain:${domain}`) ?? null));
    }
    const key = kind === 'domain' ? normalizeDomain(value) : normalizeCompanyName(value);
    return key ? (owner.get(`${kind}:${key}`) ?? null) : null;
  };
}
