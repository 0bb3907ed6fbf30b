import { describe, expect, it } from 'vitest';
import { flagString, parseArgs } from './args';

describe('parseArgs', () => {
  it('splits --flag=value at the first = only, so a value may hold more', () => {
    const args = parseArgs(['eval', '--out=runs/seed=1.jsonl', '--suite=a=b.jsonl', '--name=x=']);
    expect(args.flags.get('out')).toBe('runs/seed=1.jsonl');
    expect(args.flags.get('suite')).toBe('a=b.jsonl');
    expect(args.flags.get('name')).toBe('x=');
    expect(args.positional).toEqual(['eval']);
  });
});

describe('flagString', () => {
  it('takes the default only for a flag left out, never for one given without its value', () => {
    expect(flagString(parseArgs([]), 'out', 'runs/paper-grid')).toBe('runs/paper-grid');
    for (const argv of [['--out', '--force'], ['--out']])
      expect(() => flagString(parseArgs(argv), 'out', 'runs/paper-grid')).toThrow(
        '--out needs a value (--out X or --out=X)',
      );
    expect(() => flagString(parseArgs(['--out=']), 'out', 'x')).toThrow('--out is empty');
    expect(flagString(parseArgs(['--out', 'mine']), 'out', 'x')).toBe('mine');
  });
});
