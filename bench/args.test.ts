import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from './args';

describe('parseBenchArgs', () => {
  it('runs every part when none is named, and the named ones in their order otherwise', () => {
    expect(parseBenchArgs([])).toEqual({ parts: ['sandbox', 'training', 'memory'], options: {} });
    expect(parseBenchArgs(['memory', 'sandbox'])).toEqual({
      parts: ['sandbox', 'memory'],
      options: {},
    });
  });

  it('takes option values after = or as the next word, which is then not a part', () => {
    const parsed = parseBenchArgs([
      'training',
      '--steps',
      '5',
      '--warm-up=0',
      '--only',
      'Node/wasm,Node/cpu',
    ]);
    expect(parsed).toEqual({
      parts: ['training'],
      options: { steps: '5', 'warm-up': '0', only: 'Node/wasm,Node/cpu' },
    });
  });

  it('names every unknown part or option and every bad value', () => {
    const parsed = parseBenchArgs([
      'trainig',
      '--step=5',
      '--steps=abc',
      '--budget-s=0',
      '--warm-up=-1',
      '--steps',
    ]);
    expect('errors' in parsed && parsed.errors).toEqual([
      'unknown part "trainig"; parts are sandbox, training, memory',
      expect.stringContaining('unknown option --step;'),
      '--steps must be a whole number of at least 1, not "abc"',
      '--budget-s must be a whole number of at least 1, not "0"',
      '--warm-up must be a whole number of at least 0, not "-1"',
      '--steps needs a value (--steps=N or --steps N)',
    ]);
  });
});
