// The generated export the import benchmarks read: 100k accounts × 14 columns written the way real exports are
// (`1,234.5`, `45%`, `TRUE`, `16/10/2024`, quoted names and lists). Shared by the Node and the Chromium bench.

export const CSV_HEADER = 'Account ID,Company,Website,Emails,Plan,ARR,Renewal Date,Logins per week,Feature Adoption,Active Seats,NPS,CSM Sentiment,Last Login,SSO Enabled';

export function makeCsv(rows: number): string {
  const lines = [CSV_HEADER];
  const day = (i: number) => `${String((i % 28) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/2024`;
  for (let i = 0; i < rows; i++) {
    const domain = `company-${i}.example`;
    lines.push(
      [
        `A-${i}`, `"Company ${i}, Inc."`, `https://www.${domain}`, `"ops@${domain}; cto@${domain}"`, ['starter', 'growth', 'enterprise'][i % 3],
        `"${(1000 + (i % 900)).toLocaleString('en-US')},${String(i % 1000).padStart(3, '0')}.5"`, day(i * 7), (i % 40) / 2,
        `${i % 101}%`, `${(i * 3) % 101}%`, (i % 200) - 100, ['green', 'yellow', 'red'][i % 3], day(i), i % 2 ? 'TRUE' : 'FALSE',
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** An email of account i of the generated export (each account lists ops@ and cto@ at its own domain). */
export const contactOf = (i: number) => `ops@company-${i}.example`;

/** How a metrics source reads the generated export under the default preset's metrics. */
export const CSV_MAPPING = {
  'Account ID': { kind: 'identity', field: 'id' },
  Company: { kind: 'identity', field: 'name' },
  Website: { kind: 'identity', field: 'domains' },
  Emails: { kind: 'identity', field: 'contacts' },
  Plan: { kind: 'attribute', key: 'plan' },
  ARR: { kind: 'attribute', key: 'arr', type: 'number' },
  'Renewal Date': { kind: 'attribute', key: 'renewal_date', type: 'date' },
  'Logins per week': { kind: 'metric', key: 'logins_per_week' },
  'Feature Adoption': { kind: 'metric', key: 'feature_adoption_pct' },
  'Active Seats': { kind: 'metric', key: 'active_seats_pct' },
  NPS: { kind: 'metric', key: 'nps' },
  'CSM Sentiment': { kind: 'metric', key: 'csm_sentiment' },
  'Last Login': { kind: 'metric', key: 'last_login' },
  'SSO Enabled': { kind: 'attribute', key: 'sso', type: 'boolean' },
} as const;
