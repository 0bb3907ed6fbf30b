import type { NamedArray } from '../policy/model';
import { checkCheckpoint, type Checkpoint } from './checkpoint';

/** A NamedArray with its float32 values as little-endian base64 (JSON-safe). */
export interface EncodedArray {
  name: string;
  shape: number[];
  base64: string;
}

/** A checkpoint as plain JSON: files in Node, run bundles in the browser. */
export type EncodedCheckpoint = Omit<Checkpoint, 'weights' | 'optimizer' | 'reference'> & {
  weights: EncodedArray[];
  optimizer: EncodedArray[];
  reference: EncodedArray[] | null;
};

const CHUNK = 0x8000;

function toBase64(values: Float32Array): string {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK)
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

function fromBase64(text: string, name: string, size: number): Float32Array {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    throw new Error(`checkpoint array "${name}" is not valid base64`);
  }
  if (binary.length !== size * 4)
    throw new Error(`checkpoint array "${name}" has ${binary.length} bytes, expected ${size * 4}`);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Float32Array(bytes.buffer);
}

const encodeAll = (arrays: readonly NamedArray[]): EncodedArray[] =>
  arrays.map((a) => ({ name: a.name, shape: a.shape, base64: toBase64(a.values) }));

function decodeAll(arrays: unknown, field: string): NamedArray[] {
  if (!Array.isArray(arrays)) throw new Error(`checkpoint.${field} must be an array`);
  return arrays.map((raw: unknown, i) => {
    const a = raw as Partial<EncodedArray>;
    if (
      !a ||
      typeof a.name !== 'string' ||
      !Array.isArray(a.shape) ||
      !a.shape.every((d) => Number.isInteger(d) && d >= 0) ||
      typeof a.base64 !== 'string'
    )
      throw new Error(`checkpoint.${field}[${i}] needs a name, a shape and base64 values`);
    const size = a.shape.reduce((n: number, d: number) => n * d, 1);
    return { name: a.name, shape: a.shape, values: fromBase64(a.base64, a.name, size) };
  });
}

export function encodeCheckpoint(c: Checkpoint): EncodedCheckpoint {
  return {
    ...c,
    weights: encodeAll(c.weights),
    optimizer: encodeAll(c.optimizer),
    reference: c.reference ? encodeAll(c.reference) : null,
  };
}

/** Reads an encoded checkpoint; throws an Error saying which field is wrong. */
export function decodeCheckpoint(value: unknown): Checkpoint {
  const problem = checkCheckpoint(value);
  if (problem) throw new Error(`not a usable checkpoint: ${problem}`);
  const e = value as EncodedCheckpoint;
  return {
    ...e,
    weights: decodeAll(e.weights, 'weights'),
    optimizer: decodeAll(e.optimizer ?? [], 'optimizer'),
    reference: e.reference ? decodeAll(e.reference, 'reference') : null,
  };
}
