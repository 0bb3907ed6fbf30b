import * as tf from '@tensorflow/tfjs-core';
import { batchedAttention, causalMask, sharedAttention } from './attention';
import { blockMask, decoderQueryUnit, ownUnitSelector, widenPointers } from './chunks';
import type { Memory } from './encoder';
import { POINTER_FEATURES, type DecoderInputs } from './inputs';
import { feedForward, layerNorm } from './layers';
import { linear, lookupRows, mm } from './matmul';
import type { ParamStore } from './params';
import type { ModelConfig } from './types';

/** Splits [rows * perRow, D] into one block per memory chunk. */
function splitByChunk(x: tf.Tensor, mem: Memory, perRow: number): tf.Tensor[] {
  if (mem.chunks.length === 1) return [x];
  return tf.split(
    x,
    mem.chunks.map((m) => m.chunk.rows * perRow),
    0,
  );
}

/**
 * [B * S, D]: for every decoder step, the encoder state at position 0 of its row's observation
 * (the skill tag), picked with one-hot matmuls (see lookupRows on why not `gather`).
 */
function tagStates(mem: Memory, S: number): tf.Tensor {
  const T = mem.length;
  const parts = mem.chunks.map(({ chunk, states }) => {
    const width = chunk.units * T;
    const first = new Float32Array(chunk.units * width);
    for (let u = 0; u < chunk.units; u++) first[u * width + u * T] = 1;
    const tags = mm(tf.tensor2d(first, [chunk.units, width]), states);
    const steps = Array.from({ length: chunk.rows * S }, (_, i) => i);
    const own = ownUnitSelector(chunk, S, steps);
    return mm(tf.tensor2d(own, [steps.length, chunk.units]), tags);
  });
  return parts.length === 1 ? parts[0]! : tf.concat(parts, 0);
}

/**
 * Step inputs [B * S, D]: previous action (vocab embedding or pointed encoder state) + the step's
 * position within its answer part (+ the skill tag's state, with ModelConfig.tagToDecoder).
 */
function inputEmbedding(p: ParamStore, c: ModelConfig, mem: Memory, inputs: DecoderInputs) {
  const S = inputs.steps;
  const T = mem.length;
  const vocab = lookupRows(p.get('act.emb'), inputs.prevVocab);
  const pointed = mem.chunks.map(({ chunk, states }) => {
    const onehot = widenPointers(inputs.prevPointer, chunk, S, T);
    return mm(tf.tensor2d(onehot, [chunk.rows * S, chunk.units * T]), states);
  });
  const positions = lookupRows(p.get('pos.dec'), inputs.positions);
  const x = tf.add(tf.add(vocab, tf.concat(pointed, 0)), positions);
  if (c.tagToDecoder !== true) return x;
  return tf.add(x, linear(tagStates(mem, S), p.get('dec.tag.w')));
}

/**
 * The decoder's self-attention keys and values of the steps decoded so far, per layer
 * ([B, t, D] each; empty before the first step). Sampling decodes one step at a time: each step
 * attends to the cached steps before it instead of running the decoder over the whole prefix
 * again. The tensors are the caller's to dispose (see disposeStepCache).
 */
export interface StepCache {
  keys: tf.Tensor[];
  values: tf.Tensor[];
}

export const emptyStepCache = (): StepCache => ({ keys: [], values: [] });

export function disposeStepCache(cache: StepCache): void {
  tf.dispose([...cache.keys, ...cache.values]);
  cache.keys.length = 0;
  cache.values.length = 0;
}

function selfAttention(
  p: ParamStore,
  c: ModelConfig,
  i: number,
  x: tf.Tensor,
  rows: number,
  cache?: StepCache,
) {
  const prefix = `dec.${i}.self`;
  const S = x.shape[0] / rows;
  const h = layerNorm(p, `dec.${i}.ln1`, x);
  const [q, k, v] = ['wq', 'wk', 'wv'].map((w) =>
    tf.reshape(linear(h, p.get(`${prefix}.${w}`)), [rows, S, c.dModel]),
  ) as [tf.Tensor, tf.Tensor, tf.Tensor];
  let mixed: tf.Tensor;
  if (cache) {
    // One new step per row: it sees every cached step and itself, so no mask.
    const before = [cache.keys[i], cache.values[i]];
    const keys = before[0] ? tf.concat([before[0], k], 1) : k;
    const values = before[1] ? tf.concat([before[1], v], 1) : v;
    cache.keys[i] = tf.keep(keys);
    cache.values[i] = tf.keep(values);
    tf.dispose(before.filter((t): t is tf.Tensor => t !== undefined));
    mixed = batchedAttention(q, keys, values, null, c.heads);
  } else {
    mixed = batchedAttention(q, k, v, causalMask(S), c.heads);
  }
  return linear(tf.reshape(mixed, [rows * S, c.dModel]), p.get(`${prefix}.wo`));
}

function crossAttention(p: ParamStore, c: ModelConfig, i: number, x: tf.Tensor, mem: Memory) {
  const prefix = `dec.${i}.cross`;
  const q = linear(layerNorm(p, `dec.${i}.ln2`, x), p.get(`${prefix}.wq`));
  const rows = mem.chunks.reduce((n, m) => n + m.chunk.rows, 0);
  const S = x.shape[0] / rows;
  const mixed = splitByChunk(q, mem, S).map((block, n) => {
    const { chunk, cross } = mem.chunks[n]!;
    const queries = chunk.rows * S;
    const mask = blockMask(queries, decoderQueryUnit(chunk, S), chunk.lengths, mem.length);
    const maskTensor = mask ? tf.tensor2d(mask, [queries, chunk.units * mem.length]) : null;
    return sharedAttention(block, cross[i]!, maskTensor, c.heads);
  });
  return linear(tf.concat(mixed, 0), p.get(`${prefix}.wo`));
}

/** One memory chunk's output steps: their decoder states [n, D], and local indices into its rows * S. */
type ChunkOutputs = { x: tf.Tensor2D; local: number[] };

/**
 * Picks the output steps (`inputs.outputs`) out of the decoder states [B * S, D], chunk by chunk
 * (a chunk's rows are contiguous). A one-hot matmul per chunk rather than `gather`, whose
 * gradient the wasm backend lacks; it copies the rows exactly.
 */
function outputStates(x: tf.Tensor, mem: Memory, inputs: DecoderInputs): ChunkOutputs[] {
  const S = inputs.steps;
  const blocks = splitByChunk(x, mem, S);
  let k = 0;
  return mem.chunks.map(({ chunk }, n) => {
    const [first, size] = [chunk.firstRow * S, chunk.rows * S];
    const local: number[] = [];
    while (k < inputs.outputs.length && inputs.outputs[k]! < first + size)
      local.push(inputs.outputs[k++]! - first);
    const block = blocks[n]! as tf.Tensor2D;
    if (local.length === size) return { x: block, local };
    const pick = new Float32Array(local.length * size);
    local.forEach((at, i) => (pick[i * size + at] = 1));
    return { x: mm(tf.tensor2d(pick, [local.length, size]), block), local };
  });
}

/** Pointer logits [N, T]: each output step scored against its own observation. */
function pointerLogits(
  p: ParamStore,
  c: ModelConfig,
  outs: ChunkOutputs[],
  mem: Memory,
  S: number,
) {
  const T = mem.length;
  const blocks = outs.flatMap(({ x, local }, n) => {
    if (local.length === 0) return [];
    const { chunk, pointerKeysT } = mem.chunks[n]!;
    const queries = tf.mul(linear(x, p.get('out.ptr.q')), 1 / Math.sqrt(c.dModel));
    const scores = mm(queries, pointerKeysT);
    if (chunk.units === 1) return [scores];
    const selector = ownUnitSelector(chunk, S, local);
    const select = tf.tensor3d(selector, [local.length, chunk.units, 1]);
    return [tf.sum(tf.mul(tf.reshape(scores, [local.length, chunk.units, T]), select), 1)];
  });
  return tf.concat(blocks, 0);
}

/**
 * Pointer bias [N, T]: each position's pointer features (see POINTER_FEATURES) weighted by gates
 * the decoder state sets at every step, so it can favour "the next one" for a call's arguments
 * and not for the value it expects.
 */
function pointerBias(p: ParamStore, x: tf.Tensor, inputs: DecoderInputs, T: number) {
  const F = POINTER_FEATURES;
  const n = x.shape[0];
  if (inputs.pointerFeatures.length !== n * T * F) {
    throw new RangeError(
      `Pointer features hold ${inputs.pointerFeatures.length} values, expected ${n} x ${T} x ${F}`,
    );
  }
  const gates = linear(x, p.get('out.ptr.gate.w'), p.get('out.ptr.gate.b'));
  const features = tf.tensor3d(inputs.pointerFeatures, [n, T, F]);
  return tf.sum(tf.mul(features, tf.reshape(gates, [n, 1, F])), -1);
}

/**
 * Scale of the family biases: Adam moves a gate by about the learning rate per step, so a bias
 * of 1 x gate would take thousands of steps to outweigh what the vocabulary head learns word by
 * word. Measured on the family-swap toy (learning.test.ts).
 */
export const FAMILY_SCALE = 8;

/** The constant parts of the family biases, built once per model's families. */
interface FamilyTable {
  /** Vocabulary id -> its family's row and its own row in `table`. */
  where: Map<number, { family: number; word: number }>;
  families: number;
  words: number;
  /** [families + words, V]: a family's row marks its words, a word's row marks itself. */
  table: Float32Array;
}

const familyTables = new WeakMap<readonly (readonly number[])[], FamilyTable>();

function familyTable(families: readonly (readonly number[])[], vocabSize: number): FamilyTable {
  const cached = familyTables.get(families);
  if (cached && cached.table.length === (cached.families + cached.words) * vocabSize) return cached;
  const words = families.flat();
  const where = new Map<number, { family: number; word: number }>();
  let k = 0;
  families.forEach((ids, family) => ids.forEach((id) => where.set(id, { family, word: k++ })));
  const F = families.length;
  const table = new Float32Array((F + words.length) * vocabSize);
  families.forEach((ids, family) => ids.forEach((id) => (table[family * vocabSize + id] = 1)));
  words.forEach((id, w) => (table[(F + w) * vocabSize + id] = 1));
  const built = { where, families: F, words: words.length, table };
  familyTables.set(families, built);
  return built;
}

/**
 * Vocabulary bias [N, V] after a pointer to a word of one of `c.families` (`===`, `true`...):
 * gate 0 times "v is another word of that family" plus gate 1 times "v is that same word", the
 * gates set by the decoder state (zero-initialised). Null when no step follows such a pointer.
 * As one matmul: per step a row over the families and the family words, gated, times a fixed
 * [families + words, V] table.
 */
function replacementBias(p: ParamStore, c: ModelConfig, x: tf.Tensor, inputs: DecoderInputs) {
  if (!c.families || c.families.length === 0) return null;
  const { where, families: F, words, table } = familyTable(c.families, c.vocabSize);
  const K = F + words;
  const n = x.shape[0];
  if (inputs.pointedWord.length !== n) {
    throw new RangeError(`${inputs.pointedWord.length} pointed words for ${n} decoder rows`);
  }
  const select = new Float32Array(n * K);
  let any = false;
  inputs.pointedWord.forEach((id, i) => {
    const at = where.get(id);
    if (!at) return;
    select[i * K + at.family] = 1;
    select[i * K + F + at.word] = 1;
    any = true;
  });
  if (!any) return null;
  const gates = linear(x, p.get('out.swap.gate.w'), p.get('out.swap.gate.b'));
  const [others, same] = tf.split(gates, 2, 1) as [tf.Tensor, tf.Tensor];
  // Family column: "another word of the family" (the word column takes its own word back out).
  const weights = tf.concat(
    [tf.tile(others, [1, F]), tf.tile(tf.sub(same, others), [1, words])],
    1,
  );
  const rows = tf.mul(tf.tensor2d(select, [n, K]), tf.mul(weights, FAMILY_SCALE));
  return mm(rows, tf.tensor2d(table, [K, c.vocabSize]));
}

/**
 * Unmasked action logits [N, V + T] of the N output steps (`inputs.outputs`): vocabulary logits,
 * then pointer logits over the T observation positions (padding is left to the step mask).
 *
 * With a `cache`, `inputs` hold one step per row (`steps` 1, `positions` that step's position in
 * its part, every row an output) that follows the steps whose keys and values the cache holds;
 * the cache gets this step's appended (it is kept out of any enclosing tidy). The logits are the
 * ones a pass over the whole prefixes gives for their last steps.
 */
export function decode(
  p: ParamStore,
  c: ModelConfig,
  mem: Memory,
  inputs: DecoderInputs,
  cache?: StepCache,
): tf.Tensor2D {
  const S = inputs.steps;
  if (S > c.maxActLen) throw new RangeError(`More than ${c.maxActLen} steps`);
  if (inputs.outputs.length === 0) throw new RangeError('No decoder step to score');
  if (cache && S !== 1) throw new RangeError('A cached decoder step takes one step per row');
  const rows = inputs.prevVocab.length / S;
  if (cache && (cache.keys[0]?.shape[1] ?? 0) >= c.maxActLen) {
    throw new RangeError(`More than ${c.maxActLen} steps`);
  }
  let x = inputEmbedding(p, c, mem, inputs);
  for (let i = 0; i < c.decoderLayers; i++) {
    x = tf.add(x, selfAttention(p, c, i, x, rows, cache));
    x = tf.add(x, crossAttention(p, c, i, x, mem));
    x = tf.add(x, feedForward(p, `dec.${i}.ff`, layerNorm(p, `dec.${i}.ln3`, x)));
  }
  const outs = outputStates(layerNorm(p, 'dec.ln', x), mem, inputs);
  const out =
    outs.length === 1
      ? outs[0]!.x
      : tf.concat(
          outs.map((o) => o.x),
          0,
        );
  const plain = linear(out, p.get('out.vocab.w'), p.get('out.vocab.b'));
  const bias = replacementBias(p, c, out, inputs);
  const vocabLogits = bias ? tf.add(plain, bias) : plain;
  const pointers = tf.add(
    pointerLogits(p, c, outs, mem, S),
    pointerBias(p, out, inputs, mem.length),
  );
  return tf.concat([vocabLogits, pointers], 1) as tf.Tensor2D;
}
