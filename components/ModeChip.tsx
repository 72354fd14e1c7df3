// Which data Healthmark is using (demo, synced or none), as the chip the popup and the options header show.
import { t } from '../lib/i18n';
import type { DataStatus } from '../lib/messaging';

const LABELS = { demo: 'popupModeDemo', synced: 'popupModeSynced', empty: 'popupModeEmpty' } as const;

export function ModeChip({ mode }: { mode: DataStatus['mode'] }) {
  return <span class={`chip chip-${mode}`} data-mode={mode}>{t(LABELS[mode])}</span>;
}
