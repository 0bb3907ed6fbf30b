/**
 * A copy of a QuickJS instance's WebAssembly memory, and putting it back. Everything the
 * interpreter knows (runtime, context, globals, prototypes, atoms, module cache, job queue,
 * the C allocator's own state and the C library's statics) lives in that memory, so writing
 * the copy back returns the guest to exactly the state it was copied in.
 *
 * The copy covers the memory up to one page past its last non-zero byte. Above that the
 * memory was all zeros when copied, which the allocator saw as free space or as never handed
 * out; a run may leave bytes there, and after a restore they are free memory again, like the
 * freed memory any malloc hands out again.
 */

const PAGE_BYTES = 65_536;

export interface MemorySnapshot {
  readonly bytes: Uint8Array;
}

/** Index one past the last non-zero byte of `memory` (0 if it is all zeros). */
function usedLength(memory: WebAssembly.Memory): number {
  const words = new Int32Array(memory.buffer);
  let last = words.length - 1;
  while (last >= 0 && words[last] === 0) last--;
  return (last + 1) * 4;
}

/** Copies `memory` up to one page past its last non-zero byte. */
export function takeSnapshot(memory: WebAssembly.Memory): MemorySnapshot {
  const size = memory.buffer.byteLength;
  const end = Math.min(size, (Math.ceil(usedLength(memory) / PAGE_BYTES) + 1) * PAGE_BYTES);
  return { bytes: new Uint8Array(memory.buffer, 0, end).slice() };
}

/** Writes `snapshot` back over the start of `memory` (which can only have grown since). */
export function restoreSnapshot(memory: WebAssembly.Memory, snapshot: MemorySnapshot): void {
  new Uint8Array(memory.buffer, 0, snapshot.bytes.length).set(snapshot.bytes);
}
