import type { ModelConfig, Observation } from './types';

/** Additive mask value for excluded positions: exp() of it is exactly 0 in float32. */
export const NEG_INF = -1e9;

/** Observations padded to the longest one; identical observations are encoded once. */
export interface PackedObservations {
  /** Number of distinct observations (rows of `tokens`). */
  unique: number;
  /** T: padded length. */
  length: number;
  /** Per batch row: its observation's real length. */
  lengths: number[];
  /** Per batch row: which distinct observation it uses (non-decreasing: rows are grouped). */
  rowOf: number[];
  /** Per distinct observation: how many consecutive batch rows use it. */
  groups: number[];
  /** Per distinct observation: its real length. */
  unitLengths: number[];
  tokens: Int32Array;
  segments: Int32Array;
}

/** Throws a RangeError when an observation cannot be fed to a model with this config. */
export function validateObservation(obs: Observation, config: ModelConfig): void {
  const n = obs.tokens.length;
  if (n < 1 || n > config.maxObsLen) {
    throw new RangeError(`Observation length ${n} is outside 1..${config.maxObsLen}`);
  }
  if (obs.segments.length !== n) {
    throw new RangeError(`Observation has ${n} tokens but ${obs.segments.length} segment ids`);
  }
  for (let i = 0; i < n; i++) {
    const t = obs.tokens[i]!;
    const s = obs.segments[i]!;
    if (!Number.isInteger(t) || t < 0 || t >= config.vocabSize) {
      throw new RangeError(`Observation token ${t} at ${i} is outside 0..${config.vocabSize - 1}`);
    }
    if (!Number.isInteger(s) || s < 0 || s >= config.segmentTypes) {
      throw new RangeError(`Segment id ${s} at ${i} is outside 0..${config.segmentTypes - 1}`);
    }
  }
}

/** Identical observations (tokens and segments) share a key. */
export function contentKey(obs: Observation): string {
  return `${obs.tokens.join(',')}|${obs.segments.join(',')}`;
}

/**
 * A stable row order that puts identical observations next to each other (in order of first
 * appearance), so each distinct observation's rows form one block.
 */
export function groupedOrder(observations: readonly Observation[]): number[] {
  const firstSeen = new Map<string, number>();
  const keys = observations.map((obs, i) => {
    const key = contentKey(obs);
    if (!firstSeen.has(key)) firstSeen.set(key, i);
    return firstSeen.get(key)!;
  });
  return keys.map((_, i) => i).sort((a, b) => keys[a]! - keys[b]! || a - b);
}

/**
 * Validates, deduplicates and pads a batch of observations. Identical observations must be on
 * consecutive rows (see groupedOrder): the decoder attends to each one once for its whole block.
 */
export function packObservations(
  observations: readonly Observation[],
  config: ModelConfig,
): PackedObservations {
  if (observations.length === 0) throw new RangeError('A batch needs at least one observation');
  const distinct: Observation[] = [];
  const byKey = new Map<string, number>();
  const rowOf = observations.map((obs) => {
    validateObservation(obs, config);
    const key = contentKey(obs);
    let row = byKey.get(key);
    if (row === undefined) {
      row = distinct.length;
      byKey.set(key, row);
      distinct.push(obs);
    }
    return row;
  });
  const groups = new Array<number>(distinct.length).fill(0);
  rowOf.forEach((row, b) => {
    if (b > 0 && row < rowOf[b - 1]!)
      throw new Error('Rows of one observation must be consecutive');
    groups[row]! += 1;
  });
  const unitLengths = distinct.map((o) => o.tokens.length);
  const length = Math.max(...unitLengths);
  const tokens = new Int32Array(distinct.length * length);
  const segments = new Int32Array(distinct.length * length);
  distinct.forEach((obs, u) => {
    tokens.set(obs.tokens, u * length);
    segments.set(obs.segments, u * length);
  });
  const lengths = observations.map((o) => o.tokens.length);
  return {
    unique: distinct.length,
    length,
    lengths,
    rowOf,
    groups,
    unitLengths,
    tokens,
    segments,
  };
}
