// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PerTaskScores } from '../../../eval/stats';
import { RunsList } from './RunsList';
import { runs, setupProps } from './runsListTestProps';
import { runSummary } from './testFixtures';

const SKILLS = ['localization', 'editing', 'testgen', 'reproduction', 'review'] as const;

afterEach(cleanup);

/** What a difference's cell tells in the row's line while it is hovered. */
function factsOf(cell: HTMLElement): string {
  const button = within(cell).getByRole('button');
  fireEvent.mouseEnter(button);
  const text = screen.getByTestId('difference-facts').textContent ?? '';
  fireEvent.mouseLeave(button);
  return text;
}

describe('DifferenceRow', () => {
  it('with two runs ticked, shows the first minus the second per skill, with its error', () => {
    const joint = runSummary('j', {
      name: 'joint',
      finalRewards: { localization: 0.7, editing: 0.1, bugfix: 0.01 },
      finalStdErr: {
        localization: { stdErr: 0.03, tasks: 60 },
        editing: { stdErr: 0.02, tasks: 60 },
      },
    });
    const single = runSummary('s', {
      name: 'single',
      finalRewards: { localization: 0.75, editing: 0.2, review: 0.8 },
      finalStdErr: {
        localization: { stdErr: 0.04, tasks: 60 },
        editing: { stdErr: 0.015, tasks: 60 },
      },
    });
    const { rerender } = render(
      <RunsList {...setupProps({ runs: [single, joint], selected: ['j'] })} />,
    );
    expect(screen.queryByTestId('runs-difference')).toBeNull();
    rerender(<RunsList {...setupProps({ runs: [single, joint], selected: ['j', 's'] })} />);
    const row = screen.getByTestId('runs-difference');
    expect(row.textContent).toContain('joint − single');
    const loc = screen.getByTestId('difference-localization');
    expect(loc.textContent).toBe('−0.050± 0.050');
    expect(factsOf(loc)).toBe(
      'joint 0.700 − single 0.750 = −0.050 ± 0.050, unpaired standard error (the runs’ test answers are not at hand): within two errors of 0, so not told apart',
    );
    expect(factsOf(screen.getByTestId('difference-editing'))).toContain(
      '= −0.100 ± 0.025, unpaired standard error (the runs’ test answers are not at hand): more than two errors from 0',
    );
    expect(screen.getByTestId('difference-review').textContent).toBe('–');
    expect(screen.getByTestId('difference-composite').textContent).toBe('–');
    expect(factsOf(screen.getByTestId('difference-composite'))).toBe(
      'No composite task scored in both runs.',
    );
    // More than two errors from 0 is bold: editing (0.1 against 0.025), not localization.
    expect(within(loc).queryByText('−0.050', { selector: 'strong' })).toBeNull();
    expect(
      within(screen.getByTestId('difference-editing')).getByText('−0.100', { selector: 'strong' }),
    ).toBeTruthy();
    // The keyboard: one tab stop, the arrows move along the row, the line describes the cell.
    const buttons = within(row).getAllByRole('button');
    expect(buttons.map((b) => b.tabIndex)).toEqual([0, ...buttons.slice(1).map(() => -1)]);
    buttons[0]!.focus();
    fireEvent.keyDown(buttons[0]!, { key: 'ArrowRight' });
    const editing = within(screen.getByTestId('difference-editing')).getByRole('button');
    expect(document.activeElement).toBe(editing);
    const line = screen.getByTestId('difference-facts');
    expect(line.textContent).toMatch(/^joint 0\.100 − single 0\.200 = −0\.100 ± 0\.025/);
    expect(editing.getAttribute('aria-describedby')).toBe(line.id);
    fireEvent.keyDown(editing, { key: 'Escape' });
    expect(line.textContent).toMatch(/^Hover, click or tap a difference/);
    // The order follows the ticking: the other way round, the signs turn.
    rerender(<RunsList {...setupProps({ runs: [single, joint], selected: ['s', 'j'] })} />);
    expect(screen.getByTestId('difference-localization').textContent).toBe('+0.050± 0.050');
    rerender(
      <RunsList {...setupProps({ runs: [single, joint, runs[0]!], selected: ['s', 'j', 'a'] })} />,
    );
    expect(screen.queryByTestId('runs-difference')).toBeNull();
  });

  it('gives the composite difference its error, over the composite tasks both runs were scored on', () => {
    const joint = runSummary('j', {
      name: 'joint',
      finalRewards: { bugfix: 0.3, refactor: 0.5, 'security-fix': 0.9 },
      finalStdErr: {
        bugfix: { stdErr: 0.04, tasks: 20 },
        refactor: { stdErr: 0.05, tasks: 20 },
        'security-fix': { stdErr: 0.01, tasks: 20 },
      },
    });
    const single = runSummary('s', {
      name: 'single',
      finalRewards: { bugfix: 0.2, refactor: 0.3 },
      finalStdErr: { bugfix: { stdErr: 0.03, tasks: 20 }, refactor: { stdErr: 0.12, tasks: 20 } },
    });
    render(<RunsList {...setupProps({ runs: [single, joint], selected: ['j', 's'] })} />);
    const cell = screen.getByTestId('difference-composite');
    // (0.1 + 0.2) / 2, and its error sqrt(0.05² + 0.13²) / 2; security is not in both.
    expect(cell.textContent).toBe('+0.150± 0.070');
    expect(factsOf(cell)).toBe(
      'Mean of the 2 composite tasks scored in both runs: joint 0.400 − single 0.250 = +0.150 ± 0.070, unpaired standard error (the runs’ test answers are not at hand): more than two errors from 0',
    );
  });

  it('pairs the error over the test tasks both runs answered, once their scores are read', async () => {
    const joint = runSummary('j', {
      name: 'joint',
      finalRewards: { localization: 0.5, editing: 0.5 },
      finalStdErr: {
        localization: { stdErr: 0.289, tasks: 4 },
        editing: { stdErr: 0.289, tasks: 4 },
      },
    });
    const single = runSummary('s', {
      name: 'single',
      finalRewards: { localization: 0.25, editing: 0.5 },
      finalStdErr: {
        localization: { stdErr: 0.25, tasks: 4 },
        editing: { stdErr: 0.289, tasks: 4 },
      },
    });
    const scores: Record<string, PerTaskScores> = {
      j: {
        localization: { t1: 1, t2: 1, t3: 0, t4: 0 },
        editing: { e1: 1, e2: 0, e3: 1, e4: 0 },
      },
      // Editing tested on other tasks (another seed's draw): that error stays unpaired.
      s: {
        localization: { t1: 1, t2: 0, t3: 0, t4: 0 },
        editing: { e1: 1, e2: 0, e5: 1, e6: 0 },
      },
    };
    const load = vi.fn((id: string) => Promise.resolve(scores[id]!));
    render(
      <RunsList
        {...setupProps({ runs: [joint, single], selected: ['j', 's'], loadTestScores: load })}
      />,
    );
    const loc = screen.getByTestId('difference-localization');
    // Per-task differences 0, 1, 0, 0: mean 0.25, paired error sqrt(0.25 / 4) = 0.25, against
    // an unpaired sqrt(0.289² + 0.25²) = 0.382 before the scores are read.
    expect(loc.textContent).toBe('+0.250± 0.382');
    await screen.findByText('± 0.250');
    expect(factsOf(loc)).toBe(
      'joint 0.500 − single 0.250 = +0.250 ± 0.250, standard error paired over the 4 test tasks both runs answered: within two errors of 0, so not told apart',
    );
    expect(factsOf(screen.getByTestId('difference-editing'))).toContain(
      'unpaired standard error (the runs were tested on different tasks)',
    );
    expect(screen.getByTestId('difference-errors').textContent).toContain(
      'errors paired over the same test tasks for code localization, unpaired for the rest',
    );
    expect(load.mock.calls.map(([id]) => id).sort()).toEqual(['j', 's']);
  });

  it('shows the mean of the five skills, and the difference of two runs’ means', () => {
    const five = (id: string, rewards: number[], stdErr: number) =>
      runSummary(id, {
        name: id,
        finalRewards: Object.fromEntries(SKILLS.map((k, i) => [k, rewards[i]])),
        finalStdErr: Object.fromEntries(SKILLS.map((k) => [k, { stdErr, tasks: 60 }])),
      });
    const joint = five('joint', [0.7, 0.1, 0.3, 0.35, 0.8], 0.02);
    const warm = five('warm', [0.55, 0.05, 0.1, 0.3, 0.65], 0.01);
    render(
      <RunsList {...setupProps({ runs: [joint, warm, runs[0]!], selected: ['joint', 'warm'] })} />,
    );
    expect(screen.getByTestId('final-joint-mean').textContent).toBe('0.45');
    // sqrt(5 × 0.02²) / 5
    expect(screen.getByTestId('final-joint-mean').getAttribute('title')).toBe(
      "Mean of the five skills' final rewards: 0.450 ± 0.009",
    );
    expect(screen.getByTestId('final-a-mean').textContent).toBe('–');
    const mean = screen.getByTestId('difference-mean');
    // The difference of means 0.45 − 0.33; sqrt(5 × (0.02² + 0.01²)) / 5 = 0.010.
    expect(mean.textContent).toBe('+0.120± 0.010');
    expect(factsOf(mean)).toBe(
      'Mean of the five skills: joint 0.450 − warm 0.330 = +0.120 ± 0.010, unpaired standard error (the runs’ test answers are not at hand): more than two errors from 0',
    );
  });
});
