/** The network's parameters as names and shapes: pure data, no TensorFlow.js (params.ts makes them). */
import { POINTER_FEATURES } from './inputs';
import type { ModelConfig } from './types';

export type Init = 'zeros' | 'ones' | 'embedding' | 'xavier';
export interface ParamSpec {
  name: string;
  shape: number[];
  init: Init;
}

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
  if (c.tagToDecoder === true) specs.push({ name: 'dec.tag.w', shape: [d, d], init: 'zeros' });
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

/** How many numbers the network of `c` learns. */
export function parameterCount(c: ModelConfig): number {
  return parameterSpecs(c).reduce((n, p) => n + p.shape.reduce((a, b) => a * b, 1), 0);
}
