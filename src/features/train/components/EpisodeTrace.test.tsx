// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EpisodeRecord } from '../../../protocol/episodes';
import { renderAnswer } from '../../../core/answers/text';
import { appStore } from '../../../state/appStore';
import { EpisodeTrace } from './EpisodeTrace';

afterEach(cleanup);
// Code as text: the editor (Monaco) is drawn in the browser, and tested there (e2e).
beforeEach(() => appStore.getState().uiActions.setCodeView('text'));

const test = (name: string, status: 'pass' | 'fail', message?: string) => ({
  file: 'a.test.js',
  name,
  status,
  ms: 1,
  ...(message ? { message } : {}),
});

const episode: EpisodeRecord = {
  id: 7,
  runId: 'r',
  step: 5,
  source: 'train',
  groupIndex: 1,
  sampleIndex: 2,
  taskId: 'editing:p:1',
  kind: 'editing',
  split: 'train',
  prompt: { title: 'Edit f, line 3', body: 'Line 3 of `f` in a.js uses the wrong variable.' },
  answerText: 'EDIT a.js @12 y',
  actions: [4, 9, 2],
  actionLabels: ['@12:x', '@40:y', '<ENDEDIT>'],
  logProbs: [Math.log(0.5), Math.log(0.25), 0],
  entropies: [1.2, 0.7, 0],
  top: [
    [
      { label: '@12:x', prob: 0.5 },
      { label: '@13:z', prob: 0.3 },
    ],
    [],
    [],
  ],
  reward: 0,
  valid: true,
  facts: ['Hidden tests on the edited code: 1 failed.', 'Reward 0.'],
  runs: [
    {
      purpose: 'hidden tests on the edited code',
      verdict: 'fail',
      tests: [test('adds', 'pass'), test('subtracts', 'fail', 'expected 1 to be 2')],
      console: [],
      ms: 3,
      asRequired: false,
    },
    {
      purpose: 'hidden tests on the other module',
      verdict: 'error',
      label: 'syntax',
      message: "SyntaxError: expecting ';'",
      tests: [test('a', 'pass'), test('b', 'pass')],
      console: ['log: starting', 'warn: slow'],
      ms: 2,
      asRequired: false,
    },
  ],
  secondary: { testsPassed: 0.5 },
  groupRewards: [0, 1, 0, 0],
  advantage: -0.5,
  seed: 3,
};

describe('EpisodeTrace', () => {
  it('shows the task, the reward and its facts, the answer, each token and each sandbox run', () => {
    render(<EpisodeTrace episode={episode} />);
    expect(screen.getByTestId('episode-prompt').textContent).toContain('Edit f, line 3');
    expect(screen.getByText(/Step 5, group 2, answer 3 of 4/)).toBeTruthy();
    expect(screen.getByTestId('episode-reward').textContent).toMatch(
      /Reward 0 · advantage -0\.5.* group rewards \[0, 1, 0, 0\]/,
    );
    expect(
      within(screen.getByTestId('episode-facts'))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(episode.facts);
    expect(screen.getByTestId('episode-answer').textContent).toBe('EDIT a.js @12 y');
    // Without its run's rule nothing is said of the update; with it, nothing for a group with signal.
    expect(screen.queryByTestId('episode-update')).toBeNull();
    const tokens = screen.getAllByTestId('episode-token').map((r) => r.textContent);
    expect(tokens).toHaveLength(3);
    expect(tokens[0]).toContain('@12:x');
    expect(tokens[0]).toContain('50%');
    expect(tokens[0]).toContain('@13:z 30%');
    expect(tokens[1]).toContain('25%');
    const runs = within(screen.getByTestId('episode-runs')).getAllByRole('listitem');
    expect(runs[0]!.textContent).toContain('fail, 1 of 2 tests passed, not as the reward needed');
    expect(runs[1]!.textContent).toBe('subtracts: expected 1 to be 2');
    // Its console, folded; the secondary metrics in words.
    const consoles = screen.getAllByTestId('episode-console');
    expect(consoles).toHaveLength(1);
    expect(consoles[0]!.textContent).toBe('console (2 lines)log: starting\nwarn: slow');
    expect(screen.getByTestId('episode-secondary').textContent).toBe(
      'Beside the reward: share of hidden tests passed 0.5',
    );
    // A run that broke says so instead of counting its tests as a verdict.
    expect(runs[2]!.textContent).toContain(
      "error (syntax): the run broke after 2 tests (2 passed), not as the reward needed · SyntaxError: expecting ';'",
    );
  });

  it('shows the patch an edit answer became, its changes marked, and a test answer’s test file', () => {
    const patch = [
      'diff --git a/a.js b/a.js',
      '--- a/a.js',
      '+++ b/a.js',
      '@@ -2,4 +2,4 @@',
      ' function f(x) {',
      '-  return x;',
      '+  return y;',
      '--- x;',
      '+++ y;',
      ' }',
    ];
    const { unmount } = render(
      <EpisodeTrace episode={{ ...episode, rendering: { patch: `${patch.join('\n')}\n` } }} />,
    );
    const lines = [...screen.getByTestId('episode-patch').children];
    expect(lines.map((l) => l.textContent)).toEqual(patch);
    expect(lines.map((l) => l.className)).toEqual([
      'diff-file',
      'diff-file',
      'diff-file',
      'diff-hunk',
      '',
      'diff-del',
      'diff-add',
      'diff-del',
      'diff-add',
      '',
    ]);
    expect(screen.queryByTestId('episode-tests')).toBeNull();
    unmount();
    const tests =
      "import { f } from './a';\n\nit('f(1)', () => {\n  expect(f(1)).toEqual(2);\n});\n";
    render(<EpisodeTrace episode={{ ...episode, kind: 'testgen', rendering: { tests } }} />);
    expect(screen.getByTestId('episode-tests').textContent).toBe(tests);
    expect(screen.queryByTestId('episode-patch')).toBeNull();
  });

  it('says why an edit answer shows no patch: its edits were not applied', () => {
    const refused = 'The edit touches b.js, which the localization step did not name.';
    const { unmount } = render(
      <EpisodeTrace episode={{ ...episode, kind: 'bugfix', facts: [refused], runs: [] }} />,
    );
    expect(screen.getByText(refused)).toBeTruthy();
    expect(screen.queryByTestId('episode-patch')).toBeNull();
    expect(screen.getByTestId('episode-no-patch').textContent).toBe(
      "No patch to show: these edits were not applied to the task's files (the grading above says why), so the code is as the task gave it.",
    );
    unmount();
    const { unmount: again } = render(<EpisodeTrace episode={{ ...episode, valid: false }} />);
    expect(screen.getByTestId('episode-no-patch').textContent).toMatch(
      /^No patch to show: this answer was not applied/,
    );
    again();
    // Kinds that edit nothing say nothing of patches.
    render(<EpisodeTrace episode={{ ...episode, kind: 'localization' }} />);
    expect(screen.queryByTestId('episode-no-patch')).toBeNull();
  });

  it('works out what refused edits would have changed, from the task’s files', async () => {
    const answerText = renderAnswer({
      kind: 'steps',
      steps: [
        { kind: 'files', files: ['a.js'] },
        { kind: 'edits', edits: [{ op: 'delete', file: 'b.js', line: 1 }] },
      ],
    });
    const files = { 'a.js': 'export const a = 1;\n', 'b.js': 'export const b = 2;\n' };
    const refused = { ...episode, kind: 'bugfix' as const, answerText, runs: [] };
    const readFiles = () => Promise.resolve({ ok: true as const, files });
    const { unmount } = render(<EpisodeTrace episode={refused} readFiles={readFiles} />);
    const proposed = await screen.findByTestId('episode-proposed-patch');
    expect([...proposed.children].map((l) => l.textContent)).toContain('-export const b = 2;');
    // Shown as code, it may be read in the editor or as text, as a patch applied is.
    expect(screen.getByTestId('code-view-editor')).toBeTruthy();
    unmount();
    // Edits that do not apply say why; without the task's files, nothing is worked out.
    const { unmount: again } = render(
      <EpisodeTrace
        episode={{ ...refused, answerText: answerText.replace('b.js', 'c.js') }}
        readFiles={readFiles}
      />,
    );
    expect((await screen.findByTestId('episode-proposed-error')).textContent).toMatch(
      /^They do not apply to the task's files: .*c\.js/,
    );
    again();
    render(<EpisodeTrace episode={refused} />);
    expect(screen.getByTestId('episode-no-patch')).toBeTruthy();
    expect(screen.queryByTestId('episode-proposed')).toBeNull();
  });

  it('shows a review task’s candidate patch with the task', () => {
    const patch = 'diff --git a/a.js b/a.js\n--- a/a.js\n+++ b/a.js\n@@ -1 +1 @@\n-a\n+b\n';
    render(
      <EpisodeTrace
        episode={{
          ...episode,
          kind: 'review',
          answerText: 'VERDICT YES',
          prompt: { title: 'Bug', body: 'It breaks.', patch },
        }}
      />,
    );
    const shown = within(screen.getByTestId('episode-prompt')).getByTestId('episode-review-patch');
    expect([...shown.children].map((l) => l.textContent)).toEqual(patch.trimEnd().split('\n'));
    expect(screen.queryByTestId('episode-patch')).toBeNull();
  });

  it('words a policy’s answer as the policy’s, not “your”, in its facts and runs', () => {
    render(
      <EpisodeTrace
        episode={{
          ...episode,
          kind: 'tdd-fix',
          facts: [
            'On the buggy code: 1 failed (it fails, as a reproduction must).',
            'Your reproduction on your fix: 1 passed.',
            'Composite reward 1.',
          ],
          runs: [
            { ...episode.runs[0]!, purpose: 'your test on the buggy code' },
            { ...episode.runs[0]!, purpose: 'your reproduction on your fix' },
          ],
        }}
      />,
    );
    const facts = screen.getByTestId('episode-facts').textContent;
    expect(facts).toContain('The policy’s reproduction on its fix: 1 passed.');
    const runs = screen.getByTestId('episode-runs').textContent;
    expect(runs).toContain('the policy’s test on the buggy code: fail');
    expect(runs).toContain('the policy’s reproduction on its fix: fail');
    expect(`${facts}${runs}`).not.toMatch(/\byour\b/i);
    cleanup();
    const said = ['You said YES. Run against the hidden tests, the patch…', 'Reward 0.'];
    render(<EpisodeTrace episode={{ ...episode, kind: 'review', facts: said }} />);
    expect(screen.getByTestId('episode-facts').textContent).toContain('The policy said YES.');
  });

  it('shows a test-evaluation answer with its task’s Avg@k score, without an advantage', () => {
    render(
      <EpisodeTrace
        episode={{ ...episode, source: 'test', step: 40, split: 'test', groupRewards: [0, 1, 1] }}
      />,
    );
    expect(screen.getByText(/test evaluation after 40 steps, task 2, answer 3 of 3/)).toBeTruthy();
    const reward = screen.getByTestId('episode-reward').textContent;
    expect(reward).toMatch(/Reward 0 · the task's score \(Avg@3\) 0\.667 from rewards \[0, 1, 1\]/);
    expect(reward).not.toContain('advantage');
    cleanup();
    render(<EpisodeTrace episode={{ ...episode, source: 'val', step: 1, split: 'val' }} />);
    expect(screen.getByText(/validation after 1 step, task 2, answer 3 of 4/)).toBeTruthy();
  });

  it('says when the decoder stopped at its limit before the answer was complete', () => {
    render(<EpisodeTrace episode={episode} />);
    expect(screen.queryByTestId('episode-truncated')).toBeNull();
    cleanup();
    render(<EpisodeTrace episode={{ ...episode, truncated: true }} />);
    expect(screen.getByTestId('episode-truncated').textContent).toMatch(
      /^Cut short: the decoder stopped at its limit of 3 tokens before the answer was complete\./,
    );
  });

  it('says how a training answer’s advantage follows from its group’s rewards', () => {
    render(<EpisodeTrace episode={{ ...episode, advantage: -0.25 }} />);
    expect(screen.getByTestId('episode-reward').textContent).toContain(
      'advantage -0.25 = reward − group mean 0.25 · group rewards [0, 1, 0, 0]',
    );
  });

  it('says what a flat group’s answer did in the update, from its run’s rule', () => {
    const flat = { ...episode, groupRewards: [0, 0, 0, 0], advantage: 0 };
    const rule = { keepFlatGroups: false, flatAnswers: 4, planned: 6 };
    render(<EpisodeTrace episode={{ ...episode, advantage: -0.25 }} rule={rule} />);
    expect(screen.queryByTestId('episode-update')).toBeNull();
    cleanup();
    render(<EpisodeTrace episode={flat} rule={rule} />);
    expect(screen.getByTestId('episode-update').textContent).toMatch(
      /leaves such groups out of the update, so this answer was not trained on/,
    );
    cleanup();
    render(<EpisodeTrace episode={flat} rule={{ ...rule, keepFlatGroups: true }} />);
    expect(screen.getByTestId('episode-update').textContent).toMatch(/keeps such groups/);
    cleanup();
    // An evaluation's answer took no part in any update: nothing said.
    render(<EpisodeTrace episode={{ ...flat, source: 'test', split: 'test' }} rule={rule} />);
    expect(screen.queryByTestId('episode-update')).toBeNull();
  });
});
