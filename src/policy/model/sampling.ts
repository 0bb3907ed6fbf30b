import type { TopAction } from './types';

/** A uniform source in [0, 1), e.g. the seeded `Rng` of `src/core/rng.ts`. */
export interface UniformSource {
  next(): number;
}

/** What was decided at one step, and how the model saw that step. */
export interface StepChoice {
  action: number;
  /** Log-prob of `action` under the masked model distribution (temperature 1). */
  logProb: number;
  /** Entropy of the masked model distribution (nats). */
  entropy: number;
  top: TopAction[];
}

const TOP_K = 3;

/**
 * Chooses an action from masked log-probs `logProbs[offset + id]`, restricted to `allowed`.
 * `temperature <= 0` (or no rng) takes the argmax, lowest id on ties; otherwise one draw from
 * the distribution sharpened or flattened by the temperature. Runs in float64 on the JS side so
 * that a seed gives the same choices whatever the backend did to the last bits.
 */
export function chooseAction(
  logProbs: Float32Array,
  offset: number,
  allowed: readonly number[],
  temperature: number,
  rng: UniformSource | null,
): StepChoice {
  const ids = distinctSorted(allowed);
  if (ids.length === 0) throw new RangeError('An allowed set is empty: nothing can be chosen');
  const lp = new Float64Array(ids.length);
  let max = -Infinity;
  ids.forEach((id, i) => {
    const v = logProbs[offset + id];
    if (v === undefined) throw new RangeError(`Allowed action ${id} is outside the logits`);
    lp[i] = v;
    if (v > max) max = v;
  });
  const probs = lp.map((v) => Math.exp(v - max));
  const total = probs.reduce((a, b) => a + b, 0);
  let entropy = 0;
  for (let i = 0; i < probs.length; i++) {
    const q = probs[i]! / total;
    probs[i] = q;
    if (q > 0) entropy -= q * Math.log(q);
  }
  const index = temperature > 0 && rng ? drawIndex(lp, max, temperature, rng) : argmax(lp);
  const top = topIndices(probs, TOP_K).map((i) => ({ action: ids[i]!, prob: probs[i]! }));
  return { action: ids[index]!, logProb: lp[index]!, entropy, top };
}

function distinctSorted(values: readonly number[]): Int32Array {
  const sorted = Int32Array.from(values).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i]!;
  }
  return sorted.subarray(0, n);
}

/** Indices of the k largest values, largest first, lowest index on ties (one linear pass). */
function topIndices(values: Float64Array, k: number): number[] {
  const best: number[] = [];
  for (let i = 0; i < values.length; i++) {
    let at = best.length;
    while (at > 0 && values[i]! > values[best[at - 1]!]!) at--;
    if (at < k) {
      best.splice(at, 0, i);
      if (best.length > k) best.pop();
    }
  }
  return best;
}

function argmax(values: Float64Array): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

function drawIndex(lp: Float64Array, max: number, temperature: number, rng: UniformSource) {
  const weights = lp.map((v) => Math.exp((v - max) / temperature));
  const total = weights.reduce((a, b) => a + b, 0);
  let u = rng.next() * total;
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i]!;
    if (u < 0) return i;
  }
  // Rounding can leave u a hair above 0: take the last action with any weight.
  for (let i = weights.length - 1; i > 0; i--) if (weights[i]! > 0) return i;
  return 0;
}
