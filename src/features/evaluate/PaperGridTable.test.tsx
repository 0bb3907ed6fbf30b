// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ATOMIC_SKILLS } from '../../core/tasks/types';
import { paperGrid, type GridResult } from '../../eval/grid';
import { gridTable } from '../../eval/gridTables';
import { PaperGridTable } from './PaperGridTable';

afterEach(cleanup);

/** A run scoring `mean` on every skill, over 6 tasks, with no per-task scores. */
const run = (mean: number): GridResult['runs'][string] => ({
  scores: Object.fromEntries(
    ATOMIC_SKILLS.map((k) => [k, { tasks: 6, meanReward: mean, stdErr: 0.1 }]),
  ),
  seconds: 1,
  steps: 0,
});

describe('PaperGridTable', () => {
  it('writes "Joint vs warm start" as the markdown download does: signed, relative or (abs)', () => {
    const result: GridResult = {
      base: 'quick',
      seed: 1,
      backend: 'wasm',
      runs: { 'warm-start': run(0.3), 'joint-rl': run(0.5), untrained: run(0) },
    };
    result.runs['warm-start']!.scores.editing!.meanReward = 0;
    result.runs['joint-rl']!.scores.review!.meanReward = 0.2;
    render(<PaperGridTable grid={paperGrid(result)} />);
    const markdown = gridTable(result).split('\n');
    const gainOf = (kind: string) =>
      markdown
        .find((l) => l.startsWith(`| ${kind} |`))!
        .split('|')[8]!
        .trim();
    const page = (kind: string) => screen.getByTestId(`grid-${kind}-gain`).textContent;
    expect(page('localization')).toBe('+67%');
    expect(gainOf('localization')).toBe('+67%');
    expect(page('review')).toBe('−33%');
    expect(gainOf('review')).toBe('-33%');
    expect(page('editing')).toBe('+0.500 (abs)');
    expect(gainOf('editing')).toBe('+0.500 (abs)');
    // The mean row: the absolute difference of the means, marked so on the page and in markdown.
    expect(screen.getByTestId('grid-mean-gain').textContent).toMatch(/^\+0\.\d{3} \(abs\)/);
    expect(gainOf('**mean of 5 skills**')).toMatch(/\(abs\)$/);
  });

  it('explains a by-project error in the markdown only when a cell gives one', () => {
    const result: GridResult = {
      base: 'quick',
      seed: 1,
      backend: 'wasm',
      runs: { 'warm-start': run(0.3), 'joint-rl': run(0.5) },
    };
    // No per-task scores: no cell has a by-project error, so no note on it.
    expect(gridTable(result)).not.toContain('by project');
    expect(gridTable(result)).toContain('on the mean row it is always the absolute difference');
  });
});
