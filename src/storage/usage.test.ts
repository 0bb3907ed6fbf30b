import { describe, expect, it } from 'vitest';
import { formatBytes, storageLevel } from '../protocol/storage';
import { writeFailureMessage } from '../rl/writeQueue';
import { isQuotaError, isTooLargeError } from './usage';

describe('storage figures', () => {
  it('warns from 80 % of the quota and calls 95 % full', () => {
    expect(storageLevel(79, 100)).toBe('ok');
    expect(storageLevel(80, 100)).toBe('nearly-full');
    expect(storageLevel(94.9, 100)).toBe('nearly-full');
    expect(storageLevel(95, 100)).toBe('full');
    expect(storageLevel(null, 100)).toBe('ok');
    expect(storageLevel(5, 0)).toBe('ok');
  });

  it('formats bytes the way browsers count them', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(12_345)).toBe('12.3 kB');
    expect(formatBytes(4_500_000)).toBe('4.5 MB');
    expect(formatBytes(250_000_000)).toBe('250 MB');
    expect(formatBytes(10_737_418_240)).toBe('10.7 GB');
  });

  it('recognises a quota error, also inside a wrapping abort', () => {
    const quota = new DOMException('full', 'QuotaExceededError');
    expect(isQuotaError(quota)).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: quota })).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });

  it('recognises a value too large for IndexedDB, as Chromium words it, also wrapped', () => {
    // The message Chromium gave for a 300 MB value (seen 2026-12-04 in headless Chromium).
    const large = new DOMException(
      'The serialized keys and/or value are too large (size=307680688 bytes, max=133169152 bytes).',
      'UnknownError',
    );
    expect(isTooLargeError(large)).toBe(true);
    expect(isTooLargeError({ name: 'UnknownError', message: 'wrapped', inner: large })).toBe(true);
    expect(isTooLargeError(new DOMException('full', 'QuotaExceededError'))).toBe(false);
    expect(isTooLargeError(new Error('other'))).toBe(false);
    expect(isTooLargeError(null)).toBe(false);
  });

  it('says why a run stopped for storage and what to do', () => {
    const full = writeFailureMessage(new DOMException('x', 'QuotaExceededError'), 12);
    expect(full).toMatch(/step 12: the browser's storage for this app is full/);
    expect(full).toMatch(/Free space under Storage/);
    expect(writeFailureMessage(new Error('disk gone'), 3)).toMatch(/saving failed \(disk gone\)/);
  });
});
