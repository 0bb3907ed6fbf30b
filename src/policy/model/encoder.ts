import * as tf from '@tensorflow/tfjs-core';
import { headKeyValues, sharedAttention, type HeadKeyValues } from './attention';
import { blockMask, encoderQueryUnit, planChunks, type Chunk } from './chunks';
import { feedForward, layerNorm } from './layers';
import { linear, lookupRows } from './matmul';
import type { PackedObservations } from './observations';
import type { ParamStore } from './params';
import type { ModelConfig } from './types';

/**
 * The rows of a 2-D tensor in consecutive blocks of `counts` rows: the tensor itself when one
 * block covers it. One split rather than a slice per block: a slice's gradient is padded back to
 * the whole tensor, so n slices would hold n whole-size gradients where the split holds one.
 */
export function splitRows(x: tf.Tensor, counts: readonly number[]): tf.Tensor2D[] {
  if (counts.length === 1 && counts[0] === x.shape[0]) return [x as tf.Tensor2D];
  return tf.split(x, [...counts], 0);
}

/**
 * Encodes the distinct observations: [U * T, D] after the final layer norm. Each observation
 * attends only to itself; observations are processed a chunk at a time (see chunks.ts).
 */
export function encode(p: ParamStore, c: ModelConfig, obs: PackedObservations): tf.Tensor2D {
  const T = obs.length;
  const tokens = lookupRows(p.get('tok.emb'), obs.tokens);
  const segments = lookupRows(p.get('seg.emb'), obs.segments);
  const positions = tf.tile(tf.slice(p.get('pos.enc'), [0, 0], [T, c.dModel]), [obs.unique, 1]);
  let x: tf.Tensor = tf.add(tf.add(tokens, segments), positions);
  const chunks = planChunks(obs.unitLengths, obs.groups, T);
  const blocks = chunks.map((chunk) => chunk.units * T);
  const masks = chunks.map((chunk) => {
    const keys = chunk.units * T;
    const mask = blockMask(keys, encoderQueryUnit(T), chunk.lengths, T);
    return mask ? tf.tensor2d(mask, [keys, keys]) : null;
  });
  for (let i = 0; i < c.encoderLayers; i++) {
    const prefix = `enc.${i}.self`;
    const h = layerNorm(p, `enc.${i}.ln1`, x);
    const [q, k, v] = ['wq', 'wk', 'wv'].map((w) => linear(h, p.get(`${prefix}.${w}`))) as [
      tf.Tensor,
      tf.Tensor,
      tf.Tensor,
    ];
    const [qs, ks, vs] = [q, k, v].map((t) => splitRows(t, blocks)) as [
      tf.Tensor2D[],
      tf.Tensor2D[],
      tf.Tensor2D[],
    ];
    const outputs = chunks.map((_, n) =>
      sharedAttention(qs[n]!, headKeyValues(ks[n]!, vs[n]!, c.heads), masks[n]!, c.heads),
    );
    x = tf.add(x, linear(tf.concat(outputs, 0), p.get(`${prefix}.wo`)));
    x = tf.add(x, feedForward(p, `enc.${i}.ff`, layerNorm(p, `enc.${i}.ln2`, x)));
  }
  return layerNorm(p, 'enc.ln', x) as tf.Tensor2D;
}

/** One chunk of observations as the decoder reads it. */
export type MemoryChunk = {
  chunk: Chunk;
  /** [units * T, D] encoder states (also the inputs of pointer actions). */
  states: tf.Tensor2D;
  /** Per decoder layer: cross-attention keys and values by head. */
  cross: HeadKeyValues[];
  /** [D, units * T] projections that pointer queries are scored against. */
  pointerKeysT: tf.Tensor2D;
};

/** The encoder side of a batch: T and its chunks, in row order. */
export type Memory = { length: number; chunks: MemoryChunk[] };

/** Projects encoder states once, so each decoding step only runs the decoder. */
export function buildMemory(
  p: ParamStore,
  c: ModelConfig,
  states: tf.Tensor2D,
  obs: PackedObservations,
  rowsPerUnit: readonly number[],
): Memory {
  const T = obs.length;
  const layers = Array.from({ length: c.decoderLayers }, (_, i) => ({
    k: linear(states, p.get(`dec.${i}.cross.wk`)),
    v: linear(states, p.get(`dec.${i}.cross.wv`)),
  }));
  const pointerKeys = linear(states, p.get('out.ptr.k'));
  const planned = planChunks(obs.unitLengths, rowsPerUnit, T);
  const split = (x: tf.Tensor) =>
    splitRows(
      x,
      planned.map((chunk) => chunk.units * T),
    );
  const [stateBlocks, keyBlocks] = [split(states), split(pointerKeys)];
  const crossBlocks = layers.map((l) => ({ k: split(l.k), v: split(l.v) }));
  const chunks = planned.map((chunk, n): MemoryChunk => ({
    chunk,
    states: stateBlocks[n]!,
    cross: crossBlocks.map((l) => headKeyValues(l.k[n]!, l.v[n]!, c.heads)),
    pointerKeysT: tf.transpose(keyBlocks[n]!),
  }));
  return { length: T, chunks };
}

/**
 * The memory as seen by the given rows only (ascending indices into its rows), renumbered from
 * 0: each chunk keeps its encoder tensors (shared, not copied) and describes just its rows among
 * them; a chunk without any is left out. The rows still decoding in sampling; a run of chunks in
 * a teacher-forced pass.
 */
export function memoryOfRows(memory: Memory, live: readonly number[]): Memory {
  if (live.length === memory.chunks.reduce((n, m) => n + m.chunk.rows, 0)) return memory;
  const chunks: Memory['chunks'] = [];
  let firstRow = 0;
  let k = 0;
  for (const m of memory.chunks) {
    const unitOfRow: number[] = [];
    const end = m.chunk.firstRow + m.chunk.rows;
    while (k < live.length && live[k]! < end) {
      unitOfRow.push(m.chunk.unitOfRow[live[k]! - m.chunk.firstRow]!);
      k++;
    }
    if (unitOfRow.length === 0) continue;
    chunks.push({ ...m, chunk: { ...m.chunk, firstRow, rows: unitOfRow.length, unitOfRow } });
    firstRow += unitOfRow.length;
  }
  return { length: memory.length, chunks };
}
