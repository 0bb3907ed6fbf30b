import { CHUNK_KEYS } from './chunks';
import { parameterCount } from './paramSpecs';
import type { ModelConfig } from './types';

/**
 * Most bytes of tensors one training pass may hold at its peak, as passBytes estimates them.
 * A pass keeps every activation of its rows until its gradients are taken, and
 * tfjs-backend-wasm's heap cannot pass 4 GB (it aborts) and never shrinks. Measured in Node on
 * wasm (the default model, 16 distinct observations): one pass estimated at 3.2 GiB (768 tokens
 * each) ran with a 3.6 GB heap; one at 5.0 GiB (1,024 tokens) aborted; the same batch in two
 * passes of 2.5 GiB each (under an earlier 3 GiB budget) ran with a 3.3 GB heap: each pass
 * leaves the heap fragmented. The default recipe's batches would fit in one pass with every
 * observation at its full length (they split by length anyway, see planPasses): its warm-start
 * batches reach 2.05 GiB with every answer at the full 48 steps; its GRPO steps of 80 answers
 * 1.9 GiB at 12 steps on average with the longest at 48, splitting only past an average of 35.
 */
export const PASS_BYTES = 2.5 * 2 ** 30;

/**
 * Estimated peak bytes of the tensors one teacher-forced training pass holds (forward, gradients
 * and the optimiser's update) on any backend: `units` distinct observations padded to `length`
 * tokens, `steps` real answer steps over all its rows, and `padded` decoder steps (rows times the
 * longest answer: padding runs through the decoder's layers, only real steps reach the output
 * layer). Each term counts float32 values of one kind of activation, its coefficient the copies
 * autodiff keeps. Fitted to tf.profile's peakBytes over 24 model shapes (observations of 128 to
 * 1,024 tokens, D 32-128, 1-8 heads, 0-4 layers on each side, 1-8 observations, 1-8 answers of
 * 12-36 steps): 1% to 6% over on all but the smallest (14% under); `npm run bench -- memory`
 * prints estimates beside measurements.
 */
export function passBytes(
  c: ModelConfig,
  units: number,
  length: number,
  steps: number,
  padded = steps,
): number {
  const T = length;
  // Short observations share a chunk: attention then spans the chunk's keys (see chunks.ts).
  const keys = Math.max(T, Math.min(CHUNK_KEYS, units * T));
  const params = parameterCount(c);
  const perUnit =
    c.encoderLayers * (6 * c.heads * T * keys + 54 * T * (c.dModel + c.ffDim)) +
    T * c.dModel * (76 + 32 * c.decoderLayers);
  const perStep = 34 * (c.vocabSize + T);
  const perDecoderStep =
    8 * c.decoderLayers * c.heads * keys + 16 * c.dModel * (1 + c.decoderLayers);
  const ids = Math.min(units * T, c.vocabSize) * c.vocabSize;
  return 4 * (units * perUnit + steps * perStep + padded * perDecoderStep + 3 * ids + 2 * params);
}
