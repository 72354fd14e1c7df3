// Exact binomial and multinomial draws, so a bootstrap replicate costs O(distinct scores) instead of O(accounts).

/** Stirling-series tail of log(k!): log(k!) − [log √(2π) + (k + ½) log(k + 1) − (k + 1)]. Exact for k ≤ 9. */
const TAIL = [
  0.0810614667953272, 0.0413406959554092, 0.0276779256849983, 0.02079067210376509, 0.0166446911898211,
  0.0138761288230707, 0.0118967099458917, 0.010411265261972, 0.00925546218271273, 0.00833056343336287,
];

function stirlingTail(k: number): number {
  if (k <= 9) return TAIL[k]!;
  const next = (k + 1) * (k + 1);
  return (1 / 12 - (1 / 360 - 1 / 1260 / next) / next) / (k + 1);
}

/** Number of successes in `n` trials of probability `p`. */
export function binomial(n: number, p: number, random: () => number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomial(n, 1 - p, random);
  return n * p < 10 ? binomialByWaitingTimes(n, p, random) : binomialBtrs(n, p, random);
}

/** Small n·p: add geometric waiting times until they pass n (expected n·p + 1 draws). */
function binomialByWaitingTimes(n: number, p: number, random: () => number): number {
  const logQ = Math.log1p(-p);
  let trials = 0;
  let successes = 0;
  for (;;) {
    // 1 − random() lies in (0, 1], so the logarithm is finite.
    trials += Math.ceil(Math.log(1 - random()) / logQ);
    if (trials > n) return successes;
    successes++;
  }
}

/** Hörmann's BTRS transformed rejection (1993) for n·p ≥ 10, p ≤ ½: about 1.15 draws of a pair on average. */
function binomialBtrs(n: number, p: number, random: () => number): number {
  const spread = Math.sqrt(n * p * (1 - p));
  const b = 1.15 + 2.53 * spread;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const acceptAtOnce = 0.92 - 4.2 / b;
  const odds = p / (1 - p);
  const alpha = (2.83 + 5.1 / b) * spread;
  const mode = Math.floor((n + 1) * p);
  for (;;) {
    const u = random() - 0.5;
    let v = random();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= acceptAtOnce) return k;
    v = Math.log((v * alpha) / (a / (us * us) + b));
    const bound =
      (mode + 0.5) * Math.log((mode + 1) / (odds * (n - mode + 1))) +
      (n + 1) * Math.log((n - mode + 1) / (n - k + 1)) +
      (k + 0.5) * Math.log((odds * (n - k + 1)) / (k + 1)) +
      stirlingTail(mode) +
      stirlingTail(n - mode) -
      stirlingTail(k) -
      stirlingTail(n - k);
    if (v <= bound) return k;
  }
}

/**
 * Resampling with replacement as many draws as there are members: how many draws land in each group, given
 * how many members each group has. Conditional binomials, group by group.
 */
export function resampleCounts(members: Uint32Array, out: Uint32Array, random: () => number): void {
  let remainingMembers = members.reduce((a, b) => a + b, 0);
  let remainingDraws = remainingMembers;
  for (let g = 0; g < members.length; g++) {
    const drawn = binomial(remainingDraws, members[g]! / remainingMembers, random);
    out[g] = drawn;
    remainingDraws -= drawn;
    remainingMembers -= members[g]!;
  }
}
