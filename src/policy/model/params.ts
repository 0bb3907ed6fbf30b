import * as tf from '@tensorflow/tfjs-core';
import { createRng, hashString, type Rng } from '../../core/rng';
import { parameterSpecs, type ParamSpec } from './paramSpecs';
import type { ModelConfig, NamedArray } from './types';

export { parameterSpecs };

const EMBEDDING_STD = 0.02;

/**
 * Parameters added after checkpoints were already being saved. They start at zero, where the
 * network computes what it did without them, so a checkpoint without them loads with zeros.
 */
const ADDED_LATER: ReadonlySet<string> = new Set([
  'out.ptr.gate.w',
  'out.ptr.gate.b',
  'out.swap.gate.w',
  'out.swap.gate.b',
]);
const addedLater = (name: string) => ADDED_LATER.has(name.replace(/^[mv]\//, ''));

function gaussian(rng: Rng): number {
  // Box-Muller; 1 - next() keeps the log argument in (0, 1].
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

function initialValues(spec: ParamSpec, seed: number): Float32Array {
  const size = spec.shape.reduce((a, b) => a * b, 1);
  const out = new Float32Array(size);
  if (spec.init === 'zeros') return out;
  if (spec.init === 'ones') return out.fill(1);
  // One stream per parameter, so adding a layer does not change the others' initial values.
  const rng = createRng((seed ^ hashString(spec.name)) >>> 0);
  if (spec.init === 'embedding') {
    for (let i = 0; i < size; i++) out[i] = gaussian(rng) * EMBEDDING_STD;
    return out;
  }
  const [fanIn = 1, fanOut = 1] = spec.shape;
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  for (let i = 0; i < size; i++) out[i] = (rng.next() * 2 - 1) * limit;
  return out;
}

/** The network's variables by stable name (tf's own variable names are left unique per model). */
export class ParamStore {
  private readonly vars = new Map<string, tf.Variable>();

  constructor(config: ModelConfig) {
    for (const spec of parameterSpecs(config)) {
      const values = initialValues(spec, config.seed);
      const initial = tf.tensor(values, spec.shape);
      this.vars.set(spec.name, tf.variable(initial, true));
      initial.dispose();
    }
  }

  /** The variable called `name`; throws on a name the network does not have. */
  get(name: string): tf.Variable {
    const v = this.vars.get(name);
    if (!v) throw new Error(`PolicyModel has no parameter "${name}"`);
    return v;
  }

  entries(): [string, tf.Variable][] {
    return [...this.vars.entries()];
  }

  count(): number {
    let total = 0;
    for (const v of this.vars.values()) total += v.size;
    return total;
  }

  async read(): Promise<NamedArray[]> {
    const out: NamedArray[] = [];
    for (const [name, v] of this.vars) {
      out.push({ name, shape: [...v.shape], values: new Float32Array(await v.data()) });
    }
    return out;
  }

  /** Replaces every value; all names must match and shapes agree, or nothing is changed. */
  write(arrays: readonly NamedArray[]): void {
    assignNamed(this.vars, arrays, 'weights');
  }

  dispose(): void {
    for (const v of this.vars.values()) v.dispose();
    this.vars.clear();
  }
}

/**
 * Checks a full set of named arrays against variables, then assigns them all. Entries for
 * parameters added later (ADDED_LATER, also their optimizer moments) may be missing: those
 * variables are reset to zero.
 */
export function assignNamed(
  vars: ReadonlyMap<string, tf.Variable>,
  arrays: readonly NamedArray[],
  what: string,
): void {
  const byName = new Map(arrays.map((a) => [a.name, a]));
  const unknown = arrays.find((a) => !vars.has(a.name));
  if (unknown) throw new RangeError(`Unexpected ${what} entry "${unknown.name}"`);
  if (byName.size !== arrays.length) throw new RangeError(`Repeated ${what} entries`);
  for (const [name, v] of vars) {
    const a = byName.get(name);
    if (!a && addedLater(name)) continue;
    if (!a) {
      throw new RangeError(`Expected ${vars.size} ${what}, got ${arrays.length}: no "${name}"`);
    }
    const sameShape =
      a.shape.length === v.shape.length && a.shape.every((n, i) => n === v.shape[i]);
    if (!sameShape || a.values.length !== v.size) {
      throw new RangeError(
        `${what} "${name}" has shape [${a.shape.join(',')}], expected [${v.shape.join(',')}]`,
      );
    }
  }
  for (const [name, v] of vars) {
    const a = byName.get(name);
    tf.tidy(() => v.assign(a ? tf.tensor(a.values, v.shape) : tf.zerosLike(v)));
  }
}
