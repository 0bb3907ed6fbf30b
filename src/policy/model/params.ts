import * as tf from '@tensorflow/tfjs-core';
import { createRng, hashString, type Rng } from '../../core/rng';
import { POINTER_FEATURES } from './inputs';
import type { ModelConfig, NamedArray } from './types';

type Init = 'zeros' | 'ones' | 'embedding' | 'xavier';
interface ParamSpec {
  name: string;
  shape: number[];
  init: Init;
}

const EMBEDDING_STD = 0.02;

function attentionSpecs(prefix: string, d: number): ParamSpec[] {
  return ['wq', 'wk', 'wv', 'wo'].map((w) => ({
    name: `${prefix}.${w}`,
    shape: [d, d],
    init: 'xavier' as const,
  }));
}

function normSpecs(prefix: string, d: number): ParamSpec[] {
  return [
    { name: `${prefix}.g`, shape: [d], init: 'ones' },
    { name: `${prefix}.b`, shape: [d], init: 'zeros' },
  ];
}

function ffSpecs(prefix: string, d: number, f: number): ParamSpec[] {
  return [
    { name: `${prefix}.w1`, shape: [d, f], init: 'xavier' },
    { name: `${prefix}.b1`, shape: [f], init: 'zeros' },
    { name: `${prefix}.w2`, shape: [f, d], init: 'xavier' },
    { name: `${prefix}.b2`, shape: [d], init: 'zeros' },
  ];
}

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

/** Every parameter of the network, in a fixed order (the order of getWeights). */
export function parameterSpecs(c: ModelConfig): ParamSpec[] {
  const d = c.dModel;
  const specs: ParamSpec[] = [
    { name: 'tok.emb', shape: [c.vocabSize, d], init: 'embedding' },
    { name: 'pos.enc', shape: [c.maxObsLen, d], init: 'embedding' },
    { name: 'seg.emb', shape: [c.segmentTypes, d], init: 'embedding' },
  ];
  for (let i = 0; i < c.encoderLayers; i++) {
    const p = `enc.${i}`;
    specs.push(...normSpecs(`${p}.ln1`, d), ...attentionSpecs(`${p}.self`, d));
    specs.push(...normSpecs(`${p}.ln2`, d), ...ffSpecs(`${p}.ff`, d, c.ffDim));
  }
  specs.push(...normSpecs('enc.ln', d));
  // Row V of the action table is the START input of step 0.
  specs.push({ name: 'act.emb', shape: [c.vocabSize + 1, d], init: 'embedding' });
  specs.push({ name: 'pos.dec', shape: [c.maxActLen, d], init: 'embedding' });
  for (let i = 0; i < c.decoderLayers; i++) {
    const p = `dec.${i}`;
    specs.push(...normSpecs(`${p}.ln1`, d), ...attentionSpecs(`${p}.self`, d));
    specs.push(...normSpecs(`${p}.ln2`, d), ...attentionSpecs(`${p}.cross`, d));
    specs.push(...normSpecs(`${p}.ln3`, d), ...ffSpecs(`${p}.ff`, d, c.ffDim));
  }
  specs.push(...normSpecs('dec.ln', d));
  specs.push({ name: 'out.vocab.w', shape: [d, c.vocabSize], init: 'xavier' });
  specs.push({ name: 'out.vocab.b', shape: [c.vocabSize], init: 'zeros' });
  specs.push({ name: 'out.ptr.q', shape: [d, d], init: 'xavier' });
  specs.push({ name: 'out.ptr.k', shape: [d, d], init: 'xavier' });
  specs.push({ name: 'out.ptr.gate.w', shape: [d, POINTER_FEATURES], init: 'zeros' });
  specs.push({ name: 'out.ptr.gate.b', shape: [POINTER_FEATURES], init: 'zeros' });
  // Gates of the two family biases (see replacementBias in decoder.ts).
  specs.push({ name: 'out.swap.gate.w', shape: [d, 2], init: 'zeros' });
  specs.push({ name: 'out.swap.gate.b', shape: [2], init: 'zeros' });
  return specs;
}

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
