// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ModelScoreResult } from '../../protocol/models';
import type { RunSummary } from '../../protocol/training';
import { appStore } from '../../state/appStore';
import { initialEvaluateState } from '../../state/evaluateSlice';
import { ModelAnswersPanel } from './ModelAnswersPanel';

// IndexedDB is not in jsdom: the kept results' storage does nothing (the store is the app's).
vi.mock('../../storage/kept', () => ({
  forgetResult: () => Promise.resolve(),
  restoreResult: () => Promise.resolve(),
  keepResult: () => Promise.reject(new Error('not in this test')),
  keptResults: () => Promise.resolve([]),
}));
// The run's final test scores, as the trainer worker reads them.
vi.mock('../../bridge/training', () => ({
  finalTestScores: () => Promise.resolve({ review: { r1: 0, r2: 1 } }),
}));

const RUN: RunSummary = {
  id: 'r1',
  name: 'joint-rl',
  status: 'done',
  tags: [],
  backend: null,
  createdAt: 0,
  step: 1,
  steps: 1,
  elapsedMs: 0,
  finalRewards: { review: 0.5 },
};
const RESULT: ModelScoreResult = {
  fileName: 'answers.jsonl',
  suite: 'the quick suite',
  answers: 3,
  unread: [],
  unreadCount: 0,
  unknownTasks: [],
  perTask: { review: { r1: 1, r2: 1, r3: 0 } },
  bySkill: { review: { tasks: 3, meanReward: 2 / 3, stdErr: 0.333 } },
};

beforeEach(() =>
  appStore.setState((s) => ({
    evaluate: initialEvaluateState,
    train: { ...s.train, runs: [RUN], runsLoaded: true },
  })),
);
afterEach(cleanup);

describe('ModelAnswersPanel', () => {
  it('sets the model beside the run on the tasks both answered, each with its ±', async () => {
    appStore.getState().evaluateActions.done('model', RESULT);
    render(<ModelAnswersPanel />);
    const heads = [...screen.getByTestId('model-table').querySelectorAll('thead th')];
    expect(heads.map((h) => h.textContent)).toEqual([
      'Kind',
      'Tasks',
      'answers.jsonl',
      'Model, on shared tasks (n)',
      'joint-rl, on shared tasks',
      'Model − run',
    ]);
    // One step: "1 step", as the grid's pickers name runs.
    expect(screen.getByTestId('model-run').textContent).toMatch(/^joint-rl · 1 step · /);
    await waitFor(() =>
      expect(screen.getByTestId('model-review-run').textContent).toBe('0.500± 0.500'),
    );
    expect(screen.getByTestId('model-review-shared').textContent).toBe('1.000 (2)± 0.000');
    expect(screen.queryByTestId('model-earlier')).toBeNull();
  });

  it('says how much of the split the answers cover, kind by kind', () => {
    const covered: ModelScoreResult = {
      ...RESULT,
      coverage: { splits: ['test'], byKind: { review: { answered: 3, of: 9 } } },
    };
    appStore.getState().evaluateActions.done('model', covered);
    appStore.getState().evaluateActions.keptLoaded({
      external: [],
      model: [{ id: 1, job: 'model', createdAt: 1, result: covered }],
    });
    render(<ModelAnswersPanel />);
    // The kept list says it too: a model's few easy answers do not read as a whole split's.
    expect(screen.getByTestId('model-kept-review').textContent).toBe('0.667 (3 of 9)');
    expect(screen.getByTestId('model-review-tasks').textContent).toBe('3 of 9');
    expect(screen.getByTestId('model-partial').textContent).toBe(
      ' Scored over the tasks answered only (3 of 9 code review test tasks): a task left out counts for nothing; answer every prompt of the split for a score over all of it.',
    );
  });

  it('shows the tasks answered alone for a result kept before coverage was said', () => {
    appStore.getState().evaluateActions.done('model', RESULT);
    render(<ModelAnswersPanel />);
    expect(screen.getByTestId('model-review-tasks').textContent).toBe('3');
    expect(screen.queryByTestId('model-partial')).toBeNull();
  });

  it('names the kinds in the kept models’ heads as the grid does', () => {
    appStore.getState().evaluateActions.keptLoaded({
      external: [],
      model: [{ id: 1, job: 'model', createdAt: 1, result: RESULT }],
    });
    render(<ModelAnswersPanel />);
    const heads = [...screen.getByTestId('model-kept').querySelectorAll('thead th')];
    expect(heads.map((h) => h.textContent)).toEqual(['File', 'Answers', 'code review', 'actions']);
  });

  it('says, while another file is scored, that the table is the earlier file’s', () => {
    const actions = appStore.getState().evaluateActions;
    actions.done('model', RESULT);
    actions.started('model', 'next.jsonl');
    render(<ModelAnswersPanel />);
    expect(screen.getByTestId('model-about').textContent).toMatch(
      /^Earlier file, shown until next\.jsonl is scored: answers\.jsonl: 3 answers/,
    );
  });
});
