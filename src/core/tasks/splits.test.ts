import { describe, expect, it } from 'vitest';
import { assignSplits } from './splits';

describe('assignSplits', () => {
  const projects = Array.from({ length: 40 }, (_, i) => `p${i}`);
  it('puts every project in exactly one split, about 70/15/15, the same for a seed', () => {
    const a = assignSplits(projects, 1);
    const b = assignSplits([...projects].reverse(), 1);
    expect([...a.entries()].sort()).toEqual([...b.entries()].sort());
    const counts = { train: 0, val: 0, test: 0 };
    for (const s of a.values()) counts[s]++;
    expect(counts).toEqual({ train: 28, val: 6, test: 6 });
    expect(assignSplits(projects, 2)).not.toEqual(a);
  });
});
