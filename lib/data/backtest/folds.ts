// Stratified k-fold split: every fold gets its share of churned and of retained accounts, shuffled by a seed.
import { seededRandom, shuffleInPlace } from './random';

export interface FoldRows {
  train: Uint32Array;
  test: Uint32Array;
}

/** Fold number (0…k−1) of each row in `rows`, by row; rows not listed get −1. `labels` are 0/1. */
export function stratifiedFolds(labels: Uint8Array, rows: Uint32Array, k: number, seed: number): Int8Array {
  const fold = new Int8Array(labels.length).fill(-1);
  const random = seededRandom(seed);
  for (const label of [1, 0]) {
    const members = rows.filter((row) => labels[row] === label);
    shuffleInPlace(members, random);
    for (let i = 0; i < members.length; i++) fold[members[i]!] = i % k;
  }
  return fold;
}

export function foldRows(fold: Int8Array, f: number): FoldRows {
  let testCount = 0;
  let trainCount = 0;
  for (let i = 0; i < fold.length; i++) {
    if (fold[i] === f) testCount++;
    else if (fold[i]! >= 0) trainCount++;
  }
  const test = new Uint32Array(testCount);
  const train = new Uint32Array(trainCount);
  let t = 0;
  let u = 0;
  for (let i = 0; i < fold.length; i++) {
    if (fold[i] === f) test[t++] = i;
    else if (fold[i]! >= 0) train[u++] = i;
  }
  return { train, test };
}
