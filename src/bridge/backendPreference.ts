import { isBackendName, type BackendPreference } from '../protocol/backend';

/** Reads `?backend=webgpu|wasm|cpu|auto` from a URL search string. */
export function backendFromUrl(search: string): BackendPreference | null {
  const value = new URLSearchParams(search).get('backend');
  if (value === null) return null;
  if (value === 'auto' || isBackendName(value)) return value;
  return null;
}

/** An unknown `?backend=` value, to report to the user (null when absent or valid). */
export function invalidBackendParam(search: string): string | null {
  const value = new URLSearchParams(search).get('backend');
  return value !== null && backendFromUrl(search) === null ? value : null;
}

/** The URL wins over the remembered setting, so a shared link reproduces a setup. */
export function effectivePreference(
  search: string,
  remembered: BackendPreference,
): { preference: BackendPreference; source: 'url' | 'settings' } {
  const fromUrl = backendFromUrl(search);
  return fromUrl
    ? { preference: fromUrl, source: 'url' }
    : { preference: remembered, source: 'settings' };
}
