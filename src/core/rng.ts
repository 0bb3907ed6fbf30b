/**
 * Seeded pseudo-random numbers (sfc32). Everything random in core, policy and rl takes one of
 * these; its state can be saved in a checkpoint and restored exactly.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** A new array with the items in a random order (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** An independent generator for a named purpose (task sampling, decoding, init...). */
  fork(label: string): Rng;
  /** The four 32-bit words of state, for checkpoints. */
  state(): [number, number, number, number];
}

/** FNV-1a over a string: a stable 32-bit hash for seeds and ids. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function fromState(s: [number, number, number, number]): Rng {
  let [a, b, c, d] = s;
  const nextU32 = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  const rng: Rng = {
    next: () => nextU32() / 4294967296,
    int: (n) => {
      if (!Number.isInteger(n) || n <= 0)
        throw new RangeError(`rng.int needs a positive integer, got ${n}`);
      return Math.floor(rng.next() * n);
    },
    pick: (items) => {
      if (items.length === 0) throw new RangeError('rng.pick needs a non-empty array');
      return items[rng.int(items.length)] as (typeof items)[number];
    },
    shuffle: (items) => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [out[i], out[j]] = [out[j] as (typeof out)[number], out[i] as (typeof out)[number]];
      }
      return out;
    },
    fork: (label) => createRng(nextU32() ^ hashString(label)),
    state: () => [a >>> 0, b >>> 0, c >>> 0, d >>> 0],
  };
  return rng;
}

/** A generator from a numeric seed; the same seed always gives the same sequence. */
export function createRng(seed: number): Rng {
  const rng = fromState([0x9e3779b9, 0x243f6a88, 0xb7e15162, seed >>> 0]);
  for (let i = 0; i < 12; i++) rng.next(); // mix the seed through the state
  return rng;
}

/**
 * A generator for one keyed item (a task id...) under a salt drawn from a run's stream: what
 * it gives one item does not depend on which other items there are, or in what order.
 */
export const keyedRng = (salt: number, key: string): Rng => createRng(salt ^ hashString(key));

/** A salt for {@link keyedRng}, drawn from `rng`. */
export const drawSalt = (rng: Rng): number => rng.int(0x100000000);

/** Whether a value is a generator's saved `state()`: four unsigned 32-bit integers. */
export const isRngState = (value: unknown): value is number[] =>
  Array.isArray(value) &&
  value.length === 4 &&
  value.every((x) => Number.isInteger(x) && (x as number) >= 0 && (x as number) <= 0xffffffff);

/** Restores a generator saved with `state()`. */
export function restoreRng(state: readonly number[]): Rng {
  if (!isRngState(state)) throw new RangeError('An RNG state is four unsigned 32-bit integers.');
  return fromState([state[0]!, state[1]!, state[2]!, state[3]!]);
}
