// First run: load the embedded demo dataset and the default preset (both in public/) so a new user sees badges
// at once. The data is marked as demo everywhere it is shown.
import { browser } from 'wxt/browser';
import { replaceDataset } from '../data/apply';
import { type HealthmarkDb, getMeta } from '../data/db';
import { isDemoDataset, rebaseDemo } from '../data/demo';
import { validateConfig } from '../scoring';

async function fetchBundled(path: '/demo/accounts.json' | '/presets/default.json'): Promise<unknown> {
  const response = await fetch(browser.runtime.getURL(path));
  if (!response.ok) throw new Error(`Could not read the bundled ${path}: HTTP ${response.status}`);
  return response.json();
}

export async function loadDemo(db: HealthmarkDb, now = new Date()): Promise<void> {
  const [dataset, preset] = await Promise.all([fetchBundled('/demo/accounts.json'), fetchBundled('/presets/default.json')]);
  if (!isDemoDataset(dataset)) throw new Error('The bundled demo dataset is not in the expected format.');
  const checked = validateConfig(preset);
  if (!checked.ok) throw new Error(`The bundled default preset is invalid: ${checked.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  const { accounts, snapshots } = rebaseDemo(dataset, now);
  await replaceDataset(db, { config: checked.config, configSource: 'preset:default', accounts, snapshots, mode: 'demo' }, now);
}

/** Seeds demo data unless the user already has data (or deliberately deleted it: dataMode 'empty'). */
export async function seedIfNew(db: HealthmarkDb): Promise<void> {
  if ((await getMeta(db, 'dataMode')) === undefined) await loadDemo(db);
}
