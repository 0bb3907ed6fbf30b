import { describe, expect, it } from 'vitest';
import type { KeyboardEvent } from 'react';
import { isMoveKey, stepIndex } from './rovingFocus';

const key = (k: string, mods: Partial<KeyboardEvent> = {}) =>
  ({ key: k, altKey: false, ctrlKey: false, metaKey: false, ...mods }) as KeyboardEvent;

describe('roving focus', () => {
  it('moves one back or forward, and to the ends', () => {
    expect(stepIndex('ArrowDown', 1, 4, false)).toBe(2);
    expect(stepIndex('ArrowRight', 1, 4, false)).toBe(2);
    expect(stepIndex('ArrowUp', 1, 4, false)).toBe(0);
    expect(stepIndex('ArrowLeft', 1, 4, false)).toBe(0);
    expect(stepIndex('Home', 2, 4, false)).toBe(0);
    expect(stepIndex('End', 0, 4, false)).toBe(3);
  });

  it('wraps past an end only when asked, and has nowhere to go among no items', () => {
    expect(stepIndex('ArrowDown', 3, 4, true)).toBe(0);
    expect(stepIndex('ArrowUp', 0, 4, true)).toBe(3);
    expect(stepIndex('ArrowDown', 3, 4, false)).toBeNull();
    expect(stepIndex('ArrowLeft', 0, 4, false)).toBeNull();
    expect(stepIndex('Home', 0, 0, true)).toBeNull();
  });

  it('handles a listed key pressed alone, not with a modifier', () => {
    const keys = ['ArrowUp', 'ArrowDown'];
    expect(isMoveKey(key('ArrowUp'), keys)).toBe(true);
    expect(isMoveKey(key('ArrowLeft'), keys)).toBe(false);
    expect(isMoveKey(key('ArrowUp', { altKey: true }), keys)).toBe(false);
    expect(isMoveKey(key('ArrowUp', { ctrlKey: true }), keys)).toBe(false);
    expect(isMoveKey(key('ArrowUp', { metaKey: true }), keys)).toBe(false);
  });
});
