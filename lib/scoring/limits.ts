// The numeric limits of the scoring scale, apart from the config schema: the engine needs them, and pages that
// only score (the popup's account card) should not load the schema's validation library with them.
export const SCALE_MAX = 100;
/** Action values (and extrapolated or uncapped ones) stay within ±ACTION_LIMIT, so sums stay exact and finite. */
export const ACTION_LIMIT = 1000;
