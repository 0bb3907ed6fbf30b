// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExternalEvalResult } from '../../protocol/external';
import type { RunSummary } from '../../protocol/training';
import { appStore } from '../../state/appStore';
import { initialEvaluateState } from '../../state/evaluateSlice';
import { emptySpace } from '../../core/tasks/space';
import { serializeSuite } from '../../core/tasks/suite';
import type { Split, Task } from '../../core/tasks/types';
import { describeBlob } from '../../eval/describeFile';
import { ExternalTasksPanel } from './ExternalTasksPanel';

// IndexedDB is not in jsdom: the kept results' storage does nothing (the store is the app's).
vi.mock('../../storage/kept', () => ({
  forgetResult: () => Promise.resolve(),
  restoreResult: () => Promise.resolve(),
  keepResult: () => Promise.reject(new Error('not in this test')),
  keptResults: () => Promise.resolve([]),
}));

// The trainer worker: the file described as the worker does, and an evaluation that goes until it is cancelled, then fails as the worker's
// does when cancelled while making its tasks, or (`answering`) gives what it gives when cancelled
// while the first run answers: every run without scores.
const worker = vi.hoisted(() => ({
  stop: null as (() => void) | null,
  answering: false,
  asked: [] as unknown[],
}));
vi.mock('../../bridge/trainerClient', () => ({
  proxy: <F,>(f: F) => f,
  trainerClient: () => ({
    // The worker's own reading of the file (the real describeFile).
    describeTaskFile: (name: string, file: Blob) => describeBlob(name, file),
    evaluateExternal: (request: { fileName: string }) =>
      new Promise((resolve, reject) => {
        worker.asked.push(request);
        worker.stop = () =>
          worker.answering
            ? resolve({
                fileName: request.fileName,
                format: 'HumanEvalPack',
                tasks: { bugfix: 1 },
                skipped: [],
                runs: [
                  { runId: 'r1', name: 'joint-rl', step: 3, bySkill: {}, perTask: {}, error: 'x' },
                ],
                samples: 1,
                seed: 1,
              })
            : reject(new Error('Cancelled while making the tasks; nothing was scored.'));
      }),
    cancelExternal: () => {
      worker.stop?.();
      return Promise.resolve();
    },
  }),
}));

/** A finished evaluation of `fileName` (three bug-fixing tasks, no run scored), with `over`. */
const evaluated = (
  fileName: string,
  over: Partial<ExternalEvalResult> = {},
): ExternalEvalResult => ({
  fileName,
  format: 'HumanEvalPack',
  tasks: { bugfix: 3 },
  skipped: [],
  runs: [],
  samples: 1,
  seed: 1,
  ...over,
});

const RUN: RunSummary = {
  id: 'r1',
  name: 'joint-rl',
  status: 'done',
  tags: [],
  backend: null,
  createdAt: 0,
  step: 3,
  steps: 3,
  elapsedMs: 0,
  finalRewards: { bugfix: 0.5 },
};
/** A record with HumanEvalFix's task_id: describeFile counts it without the sandbox. */
const RECORD = JSON.stringify({
  task_id: 'JavaScript/0',
  prompt: 'const f = () => {',
  declaration: 'const f = () => {',
  buggy_solution: 'return 1;}',
  canonical_solution: 'return 2;}',
  test: 'assert(f() === 2);',
  entry_point: 'f',
});

const device = (status: 'starting' | 'ready') =>
  appStore.setState((s) => ({ device: { ...s.device, status } }));
const problem = () => screen.getByTestId('external-problem').textContent;
const start = () => screen.getByTestId<HTMLButtonElement>('external-start');

beforeEach(() => {
  appStore.setState((s) => ({
    evaluate: initialEvaluateState,
    train: { ...s.train, runs: [RUN], runsLoaded: true },
  }));
  device('ready');
  worker.answering = false;
});
afterEach(cleanup);

/** A suite file's localization task in `split` (describeFile reads its shape, no sandbox). */
const suiteTask = (id: string, split: Split): Task => ({
  id,
  kind: 'localization',
  split,
  project: 'p',
  origin: 'builtin',
  prompt: { title: 't', body: 'b' },
  files: { 'a.js': 'export const a = 1;\n' },
  gold: { kind: 'files', files: ['a.js'] },
  hidden: { tests: { 'a.test.js': "it('a', () => {});\n" } },
  space: { ...emptySpace(), files: ['a.js', 'a.test.js'] },
  meta: {},
});

async function openFile(name = 'one.jsonl', text = RECORD) {
  const input = screen.getByTestId<HTMLInputElement>('external-file');
  // jsdom's File has no text(): the browser's, for the one record.
  const file = Object.assign(new File([text], name), {
    text: () => Promise.resolve(text),
  });
  fireEvent.change(input, { target: { files: [file] } });
  // Said at once, then read.
  expect(screen.getByTestId('external-file-reading').textContent).toBe(`Reading ${name}…`);
  await waitFor(() => expect(screen.queryByTestId('external-file-reading')).toBeNull());
}

describe('ExternalTasksPanel', () => {
  it('says beside Evaluate why it is disabled, before any file is open too', () => {
    device('starting');
    render(<ExternalTasksPanel />);
    expect(start().disabled).toBe(true);
    expect(problem()).toMatch(/^The compute worker is starting/);
    device('ready');
    return waitFor(() => expect(problem()).toBe('Open a task file first.'));
  });

  it('refuses an empty seed box instead of evaluating under seed 0', async () => {
    render(<ExternalTasksPanel />);
    await openFile();
    expect(screen.queryByTestId('external-problem')).toBeNull();
    expect(start().disabled).toBe(false);
    fireEvent.change(screen.getByTestId('external-seed'), { target: { value: '' } });
    expect(problem()).toBe('The seed must be a whole number.');
    expect(start().disabled).toBe(true);
    fireEvent.change(screen.getByTestId('external-seed'), { target: { value: '0' } });
    expect(screen.queryByTestId('external-problem')).toBeNull();
  });

  it('evaluates a suite file’s test split when it has others too, or any split chosen', async () => {
    render(<ExternalTasksPanel />);
    // A HumanEvalPack file has no splits to choose.
    await openFile();
    expect(screen.queryByTestId('external-split')).toBeNull();
    const tasks = [suiteTask('t1', 'train'), suiteTask('t2', 'train'), suiteTask('s1', 'test')];
    await openFile('suite.jsonl', serializeSuite('s', tasks));
    await waitFor(() =>
      expect(screen.getByTestId('external-file-about').textContent).toBe(
        'suite.jsonl: a suite file of 3 tasks (2 train, 0 val, 1 test).',
      ),
    );
    const split = screen.getByTestId<HTMLSelectElement>('external-split');
    expect(split.value).toBe('test');
    expect([...split.options].map((o) => [o.text, o.disabled])).toEqual([
      ['test (1 task)', false],
      ['validation (0 tasks)', true],
      ['training (2 tasks)', false],
      ['every split', false],
    ]);
    fireEvent.click(start());
    expect(worker.asked.at(-1)).toMatchObject({ fileName: 'suite.jsonl', split: 'test' });
    worker.stop?.();
    await waitFor(() => expect(start().disabled).toBe(false));
    // Every split: said to include the training tasks, and asked without a split.
    fireEvent.change(split, { target: { value: 'all' } });
    expect(screen.getByTestId('external-split-note').textContent).toContain(
      'scored on its training tasks too',
    );
    fireEvent.click(start());
    expect(worker.asked.at(-1)).not.toHaveProperty('split');
    worker.stop?.();
    await waitFor(() => expect(start().disabled).toBe(false));
    // A file of test tasks alone: nothing to choose between.
    await openFile('test.jsonl', serializeSuite('s', [suiteTask('s1', 'test')]));
    await waitFor(() =>
      expect(screen.getByTestId<HTMLSelectElement>('external-split').value).toBe('all'),
    );
    expect(screen.queryByTestId('external-split-note')).toBeNull();
  });

  it('finds the file and the choices as they were after another page (unmounted and back)', async () => {
    render(<ExternalTasksPanel />);
    await openFile();
    fireEvent.change(screen.getByTestId('external-seed'), { target: { value: '7' } });
    fireEvent.click(screen.getByTestId('external-kind-review'));
    cleanup();
    render(<ExternalTasksPanel />);
    expect(screen.getByTestId('external-file-about').textContent).toMatch(/^one\.jsonl: 1/);
    expect(screen.getByTestId<HTMLInputElement>('external-seed').value).toBe('7');
    expect(screen.getByTestId<HTMLInputElement>('external-kind-review').checked).toBe(true);
    expect(screen.getByTestId<HTMLInputElement>('external-kind-bugfix').checked).toBe(true);
  });

  it('says in the result which ticked kinds the file gives none of', () => {
    const result = evaluated('hef3.jsonl', {
      tasks: { bugfix: 3, review: 6 },
      notGiven: ['security-fix'],
    });
    appStore.getState().evaluateActions.done('external', result);
    render(<ExternalTasksPanel />);
    expect(screen.getByTestId('external-not-given-security-fix').textContent).toBe(
      ' security fixing: this file gives none.',
    );
    expect(screen.getByTestId('external-result').textContent).toContain(
      'seed 1. security fixing: this file gives none.',
    );
  });

  it('says a cancelled evaluation kept nothing, and that the table is the earlier one', async () => {
    const earlier = evaluated('hef3.jsonl');
    const actions = appStore.getState().evaluateActions;
    actions.done('external', earlier);
    render(<ExternalTasksPanel />);
    expect(screen.queryByTestId('external-earlier')).toBeNull();
    await openFile();
    fireEvent.click(start());
    // While it goes, the table is said to be the earlier one.
    await screen.findByTestId('external-cancel');
    expect(screen.getByTestId('external-earlier').textContent).toBe(
      'Earlier evaluation, shown until that of one.jsonl is done: ',
    );
    actions.progressed('external', { stage: 'tasks', message: 'Making tasks from 1 records…' });
    // Cancel is answered at once, before the worker stops.
    const stop = worker.stop;
    worker.stop = null;
    fireEvent.click(screen.getByTestId('external-cancel'));
    expect(screen.getByTestId<HTMLButtonElement>('external-cancel').disabled).toBe(true);
    expect(screen.getByTestId('external-progress').textContent).toContain(
      'Cancelling: it stops after the record or task in hand; nothing will be kept.',
    );
    stop!();
    const cancelled = await screen.findByTestId('external-cancelled');
    expect(cancelled.textContent).toBe(
      'Cancelled: evaluating one.jsonl; nothing was kept. The table below is still the earlier evaluation of hef3.jsonl.',
    );
    expect(screen.queryByTestId('external-error')).toBeNull();
    expect(screen.queryByTestId('external-progress')).toBeNull();
    expect(screen.getByTestId('external-earlier').textContent).toBe('Earlier evaluation: ');
    expect(screen.getByTestId('external-result').textContent).toContain(
      'hef3.jsonl (HumanEvalPack)',
    );
    // Another file opened: the word goes, the table stays (no longer marked earlier).
    await openFile();
    expect(screen.queryByTestId('external-cancelled')).toBeNull();
    expect(screen.queryByTestId('external-earlier')).toBeNull();
    expect(screen.getByTestId('external-result').textContent).toMatch(/^hef3\.jsonl/);
  });

  it('keeps nothing cancelled before any run was scored, and says so', async () => {
    worker.answering = true;
    render(<ExternalTasksPanel />);
    await openFile();
    fireEvent.click(start());
    fireEvent.click(await screen.findByTestId('external-cancel'));
    expect((await screen.findByTestId('external-cancelled')).textContent).toBe(
      'Cancelled: evaluating one.jsonl; nothing was kept.',
    );
    expect(screen.queryByTestId('external-result')).toBeNull();
    expect(appStore.getState().evaluate.external).toMatchObject({ status: 'idle', result: null });
  });

  it('clears the table of the evaluation shown when it is removed; undo shows it again', async () => {
    const actions = appStore.getState().evaluateActions;
    actions.keptLoaded({
      external: [
        { id: 1, job: 'external', createdAt: 100, result: evaluated('old.jsonl') },
        { id: 2, job: 'external', createdAt: 200, result: evaluated('hef3.jsonl') },
      ],
      model: [],
    });
    render(<ExternalTasksPanel />);
    expect(screen.getByTestId('external-result').textContent).toMatch(/^hef3\.jsonl/);
    const shownRow = screen.getAllByTestId('external-kept-row')[0]!;
    expect(shownRow.getAttribute('aria-current')).toBe('true');
    fireEvent.click(within(shownRow).getByTestId('external-kept-remove'));
    await screen.findByTestId('external-kept-removed');
    expect(screen.queryByTestId('external-result')).toBeNull();
    expect(screen.getAllByTestId('external-kept-row')).toHaveLength(1);
    // Keyboard focus follows: to Undo (the Remove pressed is gone), then to the row put back.
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByTestId('external-kept-undo')),
    );
    fireEvent.click(screen.getByTestId('external-kept-undo'));
    await waitFor(() =>
      expect(screen.getByTestId('external-result').textContent).toMatch(/^hef3\.jsonl/),
    );
    const back = screen.getAllByTestId('external-kept-row')[0]!;
    await waitFor(() =>
      expect(document.activeElement).toBe(within(back).getByTestId('external-kept-remove')),
    );
  });
});
