// The account card's styles for extension pages (popup, options), where the card is not in a badge's shadow
// root: the card CSS plus its colours for the light and the dark theme.
import { CARD_STYLE, CARD_THEME } from './ScoreCard';

const vars = (theme: Record<string, string>) => Object.entries(theme).map(([k, v]) => `${k}:${v}`).join(';');

export const CARD_PAGE_STYLE = `${CARD_STYLE}
:root{${vars(CARD_THEME.light)}}
@media (prefers-color-scheme: dark){:root{${vars(CARD_THEME.dark)}}}
.card{box-shadow:none;width:auto}`;

export function CardStyles() {
  return <style>{CARD_PAGE_STYLE}</style>;
}
