/**
 * WebAssembly instances of QuickJS, one per memory cap, each with its session template. An
 * instance is reused across runs (each run starts from the template's memory, restored) until
 * something makes it suspect: a host-level error, a memory failure, or memory grown past what
 * a normal run needs (wasm memory never shrinks, so a grown instance is replaced rather than
 * kept).
 */
import {
  newQuickJSWASMModuleFromVariant,
  newVariant,
  type QuickJSSyncVariant,
} from 'quickjs-emscripten-core';
import { createSessionTemplate, type SessionTemplate } from './session';

const PAGE_BYTES = 65_536;
/** The QuickJS-ng build needs 16 MiB of memory to start. */
export const MIN_MEMORY_MB = 16;
/** The build declares a 2 GiB maximum; a larger import fails to link. */
export const MAX_MEMORY_MB = 2048;
/** Instances kept at once (one per distinct memory cap in use); the oldest goes first. */
const MAX_INSTANCES = 3;
/** An instance whose memory grew beyond this is replaced after the run. */
const KEEP_BELOW_BYTES = 32 * 1024 * 1024;

/** How instances are made. */
export interface InstanceSource {
  variant: QuickJSSyncVariant;
  /**
   * The compiled QuickJS module, cached by the caller. Without it every new instance
   * fetches and compiles the .wasm again (~20 ms instead of ~3 ms).
   */
  loadWasmModule?: () => Promise<WebAssembly.Module>;
}

export interface InstanceCache {
  /** The template of an instance whose WebAssembly memory cannot grow beyond `memoryMb`. */
  acquire(memoryMb: number): Promise<SessionTemplate>;
  /** Forgets the instance for `memoryMb` (the next acquire makes a new one). */
  discard(memoryMb: number): void;
  /**
   * Replaces the instance if its memory grew past the reuse threshold, or past QuickJS's
   * allocation limit (so a run never starts with the memory gauge already reading full).
   */
  release(memoryMb: number): void;
  clear(): void;
}

/** Memory cap in MiB, clamped to what the QuickJS build accepts. */
export function clampMemoryMb(memoryMb: number | undefined): number {
  const value = memoryMb ?? 64;
  if (!Number.isFinite(value)) return 64;
  return Math.min(MAX_MEMORY_MB, Math.max(MIN_MEMORY_MB, Math.floor(value)));
}

async function createInstance(source: InstanceSource, memoryMb: number) {
  const wasmMemory = new WebAssembly.Memory({
    initial: (MIN_MEMORY_MB * 1024 * 1024) / PAGE_BYTES,
    maximum: (memoryMb * 1024 * 1024) / PAGE_BYTES,
  });
  const wasmModule = source.loadWasmModule ? await source.loadWasmModule() : undefined;
  const variant = newVariant(
    source.variant,
    wasmModule ? { wasmMemory, wasmModule } : { wasmMemory },
  );
  const quickjs = await newQuickJSWASMModuleFromVariant(variant);
  return { template: createSessionTemplate(quickjs, wasmMemory, memoryMb), memory: wasmMemory };
}

interface Entry {
  loading: Promise<SessionTemplate>;
  memory?: WebAssembly.Memory;
  template?: SessionTemplate;
}

/** A cache of instances made from `source`. */
export function createInstanceCache(source: InstanceSource): InstanceCache {
  const entries = new Map<number, Entry>();
  const forget = (memoryMb: number, entry: Entry | undefined): void => {
    if (entry && entries.get(memoryMb) === entry) entries.delete(memoryMb);
  };
  return {
    acquire(memoryMb) {
      const existing = entries.get(memoryMb);
      if (existing) return existing.loading;
      const entry: Entry = {
        loading: createInstance(source, memoryMb).then((instance) => {
          entry.memory = instance.memory;
          entry.template = instance.template;
          return instance.template;
        }),
      };
      if (entries.size >= MAX_INSTANCES) entries.delete(entries.keys().next().value as number);
      entries.set(memoryMb, entry);
      // A failed load must not poison the cache: the next acquire tries again.
      entry.loading.catch(() => forget(memoryMb, entry));
      return entry.loading;
    },
    discard(memoryMb) {
      entries.delete(memoryMb);
    },
    release(memoryMb) {
      const entry = entries.get(memoryMb);
      if (!entry?.memory) return;
      if (entry.memory.buffer.byteLength > KEEP_BELOW_BYTES || entry.template?.outgrown()) {
        forget(memoryMb, entry);
      }
    },
    clear() {
      entries.clear();
    },
  };
}
