import { describe, expect, it } from 'vitest';
import { backendFromUrl, effectivePreference, invalidBackendParam } from './backendPreference';

describe('backend preference from the URL', () => {
  it('reads valid values and ignores others', () => {
    expect(backendFromUrl('?backend=cpu')).toBe('cpu');
    expect(backendFromUrl('?backend=webgpu&x=1')).toBe('webgpu');
    expect(backendFromUrl('?backend=auto')).toBe('auto');
    expect(backendFromUrl('?backend=webgl')).toBeNull();
    expect(backendFromUrl('')).toBeNull();
  });

  it('reports an invalid value so the user hears about it', () => {
    expect(invalidBackendParam('?backend=webgl')).toBe('webgl');
    expect(invalidBackendParam('?backend=wasm')).toBeNull();
  });

  it('lets the URL override the remembered setting', () => {
    expect(effectivePreference('?backend=wasm', 'cpu')).toEqual({
      preference: 'wasm',
      source: 'url',
    });
    expect(effectivePreference('', 'cpu')).toEqual({ preference: 'cpu', source: 'settings' });
  });
});
