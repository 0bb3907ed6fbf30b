import * as tf from '@tensorflow/tfjs-core';
import type { AllowedFn, ModelConfig, Observation } from './types';

/** A small config for fast tests. */
export function tinyConfig(overrides: Partial<ModelConfig> = {}): ModelConfig {
  return {
    vocabSize: 16,
    maxObsLen: 32,
    maxActLen: 8,
    dModel: 16,
    heads: 2,
    encoderLayers: 1,
    decoderLayers: 1,
    ffDim: 32,
    segmentTypes: 4,
    seed: 7,
    ...overrides,
  };
}

/** An observation from token ids, all in segment 0 unless given. */
export function observation(tokens: number[], segments?: number[]): Observation {
  return {
    tokens: Int32Array.from(tokens),
    segments: Int32Array.from(segments ?? tokens.map(() => 0)),
  };
}

/** Switches the backend and waits for it (tests run on 'cpu' unless they say otherwise). */
export async function useBackend(name: 'cpu' | 'wasm'): Promise<void> {
  await tf.setBackend(name);
  await tf.ready();
  if (tf.getBackend() !== name) throw new Error(`Backend ${name} did not start`);
}

/**
 * A 4-step answer grammar over tinyConfig's vocabulary: first a pointer or a word; after a
 * pointer, words; after a word, pointers or word 6.
 */
export const pointerGrammar: AllowedFn = (step, prev) => {
  const V = tinyConfig().vocabSize;
  if (step >= 4) return null;
  if (step === 0) return [V + 0, V + 1, V + 2, V + 3, 4, 5];
  return prev[0]! >= V ? [0, 1, 2, 3] : [V + 1, V + 2, 6];
};
