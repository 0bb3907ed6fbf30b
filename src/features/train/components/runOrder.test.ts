import { describe, expect, it } from 'vitest';
import { asRunSort, filterRuns, nextSort, sortRuns } from './runOrder';
import { runSummary } from './testFixtures';

const five = (loc: number) => ({
  localization: loc,
  editing: 0.1,
  testgen: 0.2,
  reproduction: 0.3,
  review: 0.4,
});
const runs = [
  runSummary('a', {
    name: 'joint-rl',
    tags: ['seed1', 'paper'],
    finalRewards: five(0.7),
    step: 200,
  }),
  runSummary('b', { name: 'Warm-start', tags: ['seed1'], finalRewards: five(0.55), step: 0 }),
  runSummary('c', { name: 'quick', tags: [], finalRewards: {}, step: 12 }),
  runSummary('d', {
    name: 'single-localization',
    tags: ['paper'],
    finalRewards: five(0.73),
    step: 200,
  }),
];
const ids = (rs: readonly { id: string }[]) => rs.map((r) => r.id).join('');

describe('sortRuns', () => {
  it('keeps the stored order until a column is chosen', () => {
    expect(ids(sortRuns(runs, { key: 'stored', desc: false }))).toBe('abcd');
  });

  it('sorts by a skill, the mean or the steps, runs without a value last either way', () => {
    expect(ids(sortRuns(runs, { key: 'localization', desc: true }))).toBe('dabc');
    expect(ids(sortRuns(runs, { key: 'localization', desc: false }))).toBe('badc');
    expect(ids(sortRuns(runs, { key: 'mean', desc: true }))).toBe('dabc');
    expect(ids(sortRuns(runs, { key: 'composite', desc: true }))).toBe('abcd');
    // Ties keep the stored order.
    expect(ids(sortRuns(runs, { key: 'steps', desc: true }))).toBe('adcb');
  });

  it('sorts names without regard to case', () => {
    expect(ids(sortRuns(runs, { key: 'name', desc: false }))).toBe('acdb');
    expect(ids(sortRuns(runs, { key: 'name', desc: true }))).toBe('bdca');
  });
});

describe('filterRuns', () => {
  it('keeps the runs whose name or tags hold every word, case apart', () => {
    expect(ids(filterRuns(runs, ''))).toBe('abcd');
    expect(ids(filterRuns(runs, '  '))).toBe('abcd');
    expect(ids(filterRuns(runs, 'PAPER'))).toBe('ad');
    expect(ids(filterRuns(runs, 'seed1 warm'))).toBe('b');
    expect(ids(filterRuns(runs, 'nothing'))).toBe('');
  });
});

describe('nextSort', () => {
  it('sorts a new column highest first (names A first), and turns the sorted one round', () => {
    expect(nextSort({ key: 'stored', desc: false }, 'editing')).toEqual({
      key: 'editing',
      desc: true,
    });
    expect(nextSort({ key: 'stored', desc: false }, 'name')).toEqual({ key: 'name', desc: false });
    expect(nextSort({ key: 'editing', desc: true }, 'editing')).toEqual({
      key: 'editing',
      desc: false,
    });
  });
});

describe('asRunSort', () => {
  it('takes a kept sort whose key is a column, and keeps the stored order otherwise', () => {
    expect(asRunSort({ key: 'review', desc: true })).toEqual({ key: 'review', desc: true });
    expect(asRunSort({ key: 'mean', desc: false })).toEqual({ key: 'mean', desc: false });
    expect(asRunSort({ key: 'retired-column', desc: true })).toEqual({
      key: 'stored',
      desc: false,
    });
  });
});
