// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ATOMIC_SKILLS } from '../../core/tasks/types';
import { paperGrid, type GridResult } from '../../eval/grid';
import { gridTable } from '../../eval/gridTables';
import { meanErrorWords, PaperGridTable, unscoredKinds } from './PaperGridTable';
import { TransferTable } from './TransferTable';
import { transferRows } from '../../eval/transfer';

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
    render(<PaperGridTable grid={paperGrid(result)} samples="" />);
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

  it('tells a cell’s facts in a line under the table, to the keyboard as to the mouse', () => {
    const result: GridResult = {
      base: 'quick',
      seed: 1,
      backend: 'wasm',
      runs: { 'warm-start': run(0.3), 'joint-rl': run(0.5), untrained: run(0) },
    };
    const { rerender } = render(
      <PaperGridTable grid={paperGrid(result)} samples="Here k = 2 (the config’s evalSamples)." />,
    );
    const line = screen.getByTestId('grid-facts');
    expect(line.textContent).toMatch(/^Hover, click or tap a score, or Tab into the table/);
    const joint = within(screen.getByTestId('grid-editing-joint')).getByRole('button');
    // The cell's text is the score alone; its facts are not in it.
    expect(screen.getByTestId('grid-editing-joint').textContent).toBe('0.500± 0.100');
    // One tab stop for the table: the first cell, until focus moves on.
    const buttons = within(screen.getByTestId('paper-grid')).getAllByRole('button');
    expect(buttons.filter((b) => b.tabIndex === 0)).toEqual([buttons[0]]);
    fireEvent.focus(joint);
    expect(line.textContent).toBe(
      'Joint RL on code editing: 0.500 ± 0.100, the mean reward over 6 test tasks.',
    );
    expect(joint).toHaveProperty('tabIndex', 0);
    expect(buttons[0]).toHaveProperty('tabIndex', -1);
    // A screen reader hears them as the focused button's description.
    expect(joint.getAttribute('aria-describedby')).toBe(line.id);
    // Arrow keys move through the cells: down to the next kind, right past the empty cells.
    fireEvent.keyDown(joint, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(
      within(screen.getByTestId('grid-testgen-joint')).getByRole('button'),
    );
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(
      within(screen.getByTestId('grid-testgen-gain')).getByRole('button'),
    );
    // Escape hides them; a click keeps them after focus goes (touch has no hover).
    fireEvent.keyDown(joint, { key: 'Escape' });
    expect(line.textContent).toMatch(/^Hover, click or tap/);
    const gain = within(screen.getByTestId('grid-mean-gain')).getByRole('button');
    fireEvent.click(gain);
    fireEvent.blur(gain);
    expect(line.textContent).toMatch(
      /^Joint vs warm start, mean of the 5 skills: \+0\.200 \(abs\) ± 0\.\d{3}; its standard error combines the five skills’ as independent, each unpaired \(the runs’ task scores are not at hand\); joint RL minus the warm start, over the five skills\.$/,
    );
    // Another grid in its place: the picked cell's line tells the new grid's facts.
    result.runs['joint-rl']!.scores.editing!.meanReward = 0.25;
    fireEvent.click(joint);
    rerender(
      <PaperGridTable grid={paperGrid(result)} samples="Here k = 2 (the config’s evalSamples)." />,
    );
    expect(line.textContent).toMatch(/^Joint RL on code editing: 0\.250 ± 0\.100/);
    // The columns and Avg@k are explained in words on the page, k with them.
    const notes = screen.getByTestId('grid-notes').textContent;
    expect(notes).toContain('Avg@k: each score is a final test reward, the mean reward over k');
    expect(notes).toContain('Here k = 2 (the config’s evalSamples).');
    expect(notes).toContain('Joint − single: joint RL minus the single-skill run');
    const head = screen.getByRole('columnheader', { name: 'Joint vs warm start' });
    expect(document.getElementById(head.getAttribute('aria-describedby')!)!.textContent).toMatch(
      /^Joint vs warm start: joint RL over the warm start, relative/,
    );
  });

  it('says a kind no run was tested on has no test tasks, in the grid and in transfer', () => {
    const result: GridResult = {
      base: 'quick',
      seed: 1,
      backend: 'wasm',
      runs: { 'warm-start': run(0.3), 'joint-rl': run(0.5) },
    };
    const grid = paperGrid(result);
    expect(unscoredKinds(grid)).not.toContain('editing');
    expect(unscoredKinds(grid)).toContain('security-fix');
    render(<PaperGridTable grid={grid} samples="" />);
    expect(screen.getByTestId('grid-security-fix-unscored').textContent).toBe(
      'no test tasks of this kind in these runs',
    );
    expect(screen.queryByTestId('grid-editing-unscored')).toBeNull();
    // With no score at all, nothing is said of any kind.
    expect(unscoredKinds(paperGrid({ ...result, runs: {} }))).toEqual([]);
    cleanup();
    render(<TransferTable rows={transferRows(result)} unscored={unscoredKinds(grid)} />);
    const head = screen.getByRole('columnheader', { name: /security fixing/ });
    expect(head.textContent).toBe('security fixingno test tasks');
    const cell = within(screen.getByTestId('transfer-joint-rl-review')).getByRole('button');
    fireEvent.mouseEnter(cell);
    expect(screen.getByTestId('transfer-facts').textContent).toBe(
      'joint-rl minus the warm start on code review: +0.200 ± 0.141 (unpaired); it trained on this; where its warm start began is not recorded.',
    );
  });
});

describe('meanErrorWords', () => {
  it('says whether the skills’ errors under a mean difference were paired', () => {
    expect(meanErrorWords(5)).toMatch(/each paired over the test tasks both runs answered$/);
    expect(meanErrorWords(0)).toMatch(/each unpaired \(the runs’ task scores are not at hand\)$/);
    expect(meanErrorWords(2)).toMatch(
      /, 2 of them paired over the test tasks both runs answered, the others unpaired/,
    );
  });
});
