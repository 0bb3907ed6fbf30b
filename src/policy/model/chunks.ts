import { NEG_INF } from './observations';

/**
 * A run of consecutive distinct observations handled as one block of 2-D matmuls. Short
 * observations are packed together (attention then runs over the block with a block-diagonal
 * mask) so a batch of many short observations costs a few large kernels instead of many tiny
 * ones; an observation of CHUNK_KEYS positions or more is a chunk of its own.
 */
export type Chunk = {
  firstUnit: number;
  /** Distinct observations in the chunk (each padded to T positions). */
  units: number;
  /** Batch rows using them: rows [firstRow, firstRow + rows). */
  firstRow: number;
  rows: number;
  /** Per batch row of the chunk: its observation's index within the chunk. */
  unitOfRow: number[];
  /** Per observation of the chunk: its real length. */
  lengths: number[];
};

/** Most key positions (units x T) per chunk; above it the wasted block-mask work outgrows the gain. */
export const CHUNK_KEYS = 256;

/** Groups consecutive observations into chunks of at most `maxKeys` positions (at least one each). */
export function planChunks(
  unitLengths: readonly number[],
  rowsPerUnit: readonly number[],
  T: number,
  maxKeys = CHUNK_KEYS,
): Chunk[] {
  const chunks: Chunk[] = [];
  let row = 0;
  unitLengths.forEach((length, u) => {
    const rows = rowsPerUnit[u]!;
    const last = chunks[chunks.length - 1];
    if (last && (last.units + 1) * T <= maxKeys) {
      last.unitOfRow.push(...new Array<number>(rows).fill(last.units));
      last.lengths.push(length);
      last.units += 1;
      last.rows += rows;
    } else {
      const unitOfRow = new Array<number>(rows).fill(0);
      chunks.push({ firstUnit: u, units: 1, firstRow: row, rows, unitOfRow, lengths: [length] });
    }
    row += rows;
  });
  return chunks;
}

/**
 * Additive mask [queries, units * T]: each query row sees only the real positions of its own
 * observation. `queryUnit(i)` is query i's observation within the chunk. Null when nothing is
 * hidden (one observation without padding).
 */
export function blockMask(
  queries: number,
  queryUnit: (i: number) => number,
  lengths: readonly number[],
  T: number,
): Float32Array | null {
  if (lengths.length === 1 && lengths[0] === T) return null;
  const width = lengths.length * T;
  const mask = new Float32Array(queries * width).fill(NEG_INF);
  for (let i = 0; i < queries; i++) {
    const u = queryUnit(i);
    const start = i * width + u * T;
    mask.fill(0, start, start + lengths[u]!);
  }
  return mask;
}

/** Query units of a chunk's encoder rows (each observation's T positions in turn). */
export function encoderQueryUnit(T: number): (i: number) => number {
  return (i) => Math.floor(i / T);
}

/** Query units of a chunk's decoder rows (each batch row's S steps in turn). */
export function decoderQueryUnit(chunk: Chunk, steps: number): (i: number) => number {
  return (i) => chunk.unitOfRow[Math.floor(i / steps)]!;
}

/**
 * The chunk's part of the previous-pointer one-hot [rows * S, T], widened to [rows * S,
 * units * T] so it can multiply the chunk's stacked encoder states.
 */
export function widenPointers(prevPointer: Float32Array, chunk: Chunk, S: number, T: number) {
  const block = prevPointer.subarray(chunk.firstRow * S * T, (chunk.firstRow + chunk.rows) * S * T);
  if (chunk.units === 1) return block;
  const width = chunk.units * T;
  const out = new Float32Array(chunk.rows * S * width);
  for (let i = 0; i < chunk.rows * S; i++) {
    const offset = i * width + chunk.unitOfRow[Math.floor(i / S)]! * T;
    out.set(block.subarray(i * T, (i + 1) * T), offset);
  }
  return out;
}

/**
 * One-hot [n, units, 1] of each output step's observation, to pick its pointer block; `local`
 * are the steps' indices into the chunk's rows * S decoder rows.
 */
export function ownUnitSelector(chunk: Chunk, S: number, local: readonly number[]): Float32Array {
  const out = new Float32Array(local.length * chunk.units);
  local.forEach((at, i) => (out[i * chunk.units + chunk.unitOfRow[Math.floor(at / S)]!] = 1));
  return out;
}
