/**
 * Test results streamed from a sandbox worker through shared memory instead of one message per
 * test: the worker appends each finished test to a SharedArrayBuffer the pool gave it, and the
 * pool reads it only when it has to end a run without the worker's result (watchdog, worker
 * death). A message costs both threads an event; a write here costs the worker a copy.
 *
 * Layout: Int32 0 = bytes of records written (stored last, atomically, so a reader never sees
 * a half-written record), Int32 1 = id of the run the records belong to, Int32 2 = id of the
 * last run whose result the worker has posted (so the watchdog can tell a result that is on its
 * way, behind a busy event loop, from a run still going); from byte 16 the records, each a
 * TestResult as JSON followed by a newline (JSON never has a raw newline).
 * Without SharedArrayBuffer (a page that is not cross-origin isolated), or once a run's
 * records no longer fit, tests go as messages again.
 */
import type { TestResult } from './types';

/** Bytes of one worker's progress buffer. */
export const PROGRESS_BYTES = 64 * 1024;
const HEADER_BYTES = 16;
const HEADER_INTS = 3;

/** A progress buffer, or null when this host cannot share memory with its workers. */
export function createProgressBuffer(bytes = PROGRESS_BYTES): SharedArrayBuffer | null {
  const shared = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated;
  if (typeof SharedArrayBuffer !== 'function' || shared === false) return null;
  return new SharedArrayBuffer(bytes);
}

/** Empties `buffer` for run `id` (before the run is sent to the worker). */
export function resetProgress(buffer: SharedArrayBuffer, id: number): void {
  const header = new Int32Array(buffer, 0, HEADER_INTS);
  Atomics.store(header, 0, 0);
  Atomics.store(header, 1, id);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Appends `test` to run `id`'s records; false when it does not fit (or the run is not `id`). */
export function writeProgress(buffer: SharedArrayBuffer, id: number, test: TestResult): boolean {
  const header = new Int32Array(buffer, 0, HEADER_INTS);
  if (Atomics.load(header, 1) !== id) return false;
  const used = Atomics.load(header, 0);
  const record = encoder.encode(`${JSON.stringify(test)}\n`);
  if (HEADER_BYTES + used + record.length > buffer.byteLength) return false;
  new Uint8Array(buffer, HEADER_BYTES + used, record.length).set(record);
  Atomics.store(header, 0, used + record.length);
  return true;
}

/** The tests written for run `id` so far. */
export function readProgress(buffer: SharedArrayBuffer, id: number): TestResult[] {
  const header = new Int32Array(buffer, 0, HEADER_INTS);
  if (Atomics.load(header, 1) !== id) return [];
  const used = Atomics.load(header, 0);
  // Copied out first: TextDecoder does not read shared memory in browsers.
  const text = decoder.decode(new Uint8Array(buffer, HEADER_BYTES, used).slice());
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as TestResult);
}

/** Marks run `id`'s result as posted (the worker, just before posting it). */
export function markPosted(buffer: SharedArrayBuffer, id: number): void {
  Atomics.store(new Int32Array(buffer, 0, HEADER_INTS), 2, id);
}

/** Whether the worker has posted run `id`'s result (it may not have arrived yet). */
export function isPosted(buffer: SharedArrayBuffer, id: number): boolean {
  return Atomics.load(new Int32Array(buffer, 0, HEADER_INTS), 2) === id;
}
