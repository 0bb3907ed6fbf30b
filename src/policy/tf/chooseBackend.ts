import type {
  AdapterInfo,
  BackendAvailability,
  BackendFallback,
  BackendName,
  BackendPreference,
} from '../../protocol/backend';

export interface BackendPlan {
  /** Backends to try, best first. */
  order: BackendName[];
  /** Why the first one, in words. */
  choice: string;
  /** Backends passed over before trying, with the reason. */
  fallbacks: BackendFallback[];
}

const DEFAULT_ORDER: BackendName[] = ['webgpu', 'wasm', 'cpu'];

/**
 * Pure decision: which backend to use for a preference, given what is available.
 * `auto` takes the fastest measured backend when there is one; otherwise WebGPU on a real
 * adapter, WASM when the only adapter is a software fallback (about 30x faster there), then CPU.
 */
export function chooseBackend(
  preference: BackendPreference,
  measuredFastest: BackendName | null,
  availability: BackendAvailability[],
  adapter: AdapterInfo | null,
): BackendPlan {
  const available = (name: BackendName): boolean =>
    availability.some((a) => a.backend === name && a.available);
  const reasonOf = (name: BackendName): string =>
    availability.find((a) => a.backend === name)?.reason ?? `${name}: unavailable`;
  const fallbacks: BackendFallback[] = [];
  const rest = (first: BackendName): BackendName[] => [
    first,
    ...DEFAULT_ORDER.filter((b) => b !== first && available(b)),
  ];

  if (preference !== 'auto') {
    if (available(preference))
      return { order: rest(preference), choice: 'chosen by you', fallbacks };
    fallbacks.push({ backend: preference, reason: reasonOf(preference) });
    const next = DEFAULT_ORDER.filter(available);
    return { order: next, choice: `${preference} unavailable`, fallbacks };
  }
  if (measuredFastest && available(measuredFastest)) {
    return { order: rest(measuredFastest), choice: 'fastest in the device check', fallbacks };
  }
  if (available('webgpu') && adapter && !adapter.isFallbackAdapter) {
    return { order: rest('webgpu'), choice: 'GPU adapter found', fallbacks };
  }
  if (available('webgpu')) {
    fallbacks.push({
      backend: 'webgpu',
      reason: `WebGPU: software adapter (${adapter?.architecture ?? 'unknown'}), WASM is faster here`,
    });
  } else {
    fallbacks.push({ backend: 'webgpu', reason: reasonOf('webgpu') });
  }
  if (available('wasm')) return { order: rest('wasm'), choice: 'best available', fallbacks };
  fallbacks.push({ backend: 'wasm', reason: reasonOf('wasm') });
  return { order: ['cpu'], choice: 'only backend available', fallbacks };
}
