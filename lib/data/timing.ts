// User Timing measures of the data path (DevTools' performance panel shows them; `npm run bench:import` reads them).

/** Measures from `start` (performance.now()) to now as `healthmark:<name>`. */
export const measure = (name: string, start: number): void => void performance.measure(`healthmark:${name}`, { start, end: performance.now() });
