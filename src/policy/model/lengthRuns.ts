/**
 * What one more teacher-forced pass costs, in padded observation positions: a pass costs this
 * plus, per distinct observation, the length every observation of the pass is padded to (its
 * longest); decoding has a cost of its own (DECODE_BATCH_POSITIONS in policyModel.ts). Measured
 * in Node on wasm with the default model and a warm-start policy's real answers (scratch
 * timings): updating on one short observation (about 90 tokens, 8 answers) took 94 ms, on two
 * 167; a pass's own overhead came to 20-45 ms where each position of an observation cost about
 * 0.3 ms. A short observation padded to the 512 of a long one thus wastes some 130 ms, three
 * passes' overhead: cutting by length pays from about 100 positions.
 */
export const BATCH_POSITIONS = 128;

/**
 * Items cut into runs of least total cost when each run pads its observations to its longest:
 * `runCost` (default BATCH_POSITIONS) per run plus, per item, the run's longest length. The
 * items are taken shortest first (ties in the given order) and each run is a consecutive stretch of that order,
 * as `fits` allows: it is asked about runs (item indices, shortest first) and must stay false for
 * any longer run holding a run it refused; a single item always makes a run. Returns the runs,
 * shortest first; items of equal `lengths` are best treated as one item (a GRPO group's rows).
 */
export function cheapestRuns(
  lengths: readonly number[],
  fits: (run: readonly number[]) => boolean,
  runCost = BATCH_POSITIONS,
): number[][] {
  const order = lengths.map((_, i) => i).sort((a, b) => lengths[a]! - lengths[b]! || a - b);
  // best[j]: least cost of the first j items in runs; start[j]: where its last run starts.
  const best = [0];
  const start = [0];
  for (let j = 1; j <= order.length; j++) {
    best.push(Infinity);
    start.push(j - 1);
    const longest = lengths[order[j - 1]!]!;
    for (let i = j - 1; i >= 0; i--) {
      if (i < j - 1 && !fits(order.slice(i, j))) break;
      const cost = best[i]! + runCost + (j - i) * longest;
      if (cost < best[j]!) {
        best[j] = cost;
        start[j] = i;
      }
    }
  }
  const runs: number[][] = [];
  for (let j = order.length; j > 0; j = start[j]!) runs.unshift(order.slice(start[j], j));
  return runs;
}
