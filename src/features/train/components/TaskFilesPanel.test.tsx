// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gradingTests, type TaskFilesView } from '../../../protocol/episodes';
import { appStore } from '../../../state/appStore';
import { chosenFiles, gradersNote, orderedFiles, TaskFilesPanel } from './TaskFilesPanel';

afterEach(cleanup);
// Code as text: the editor (Monaco) is drawn in the browser, and tested there (e2e).
beforeEach(() => appStore.getState().uiActions.setCodeView('text'));

const view: Extract<TaskFilesView, { ok: true }> = {
  ok: true,
  files: { 'src/b.js': 'export const b = 1;\n', 'a.js': 'a\n', 'src/cart.js': 'line 1\nline 2\n' },
  focus: { file: 'src/cart.js', fn: 'total', startLine: 2, endLine: 2 },
};

const open = (el: HTMLElement) => {
  (el as HTMLDetailsElement).open = true;
  fireEvent(el, new Event('toggle'));
};

describe('TaskFilesPanel', () => {
  it('orders the files: the one the task is about first, then by path', () => {
    expect(orderedFiles(view)).toEqual(['src/cart.js', 'a.js', 'src/b.js']);
    expect(orderedFiles({ ok: true, files: view.files })).toEqual([
      'a.js',
      'src/b.js',
      'src/cart.js',
    ]);
  });

  it('reads the files when opened, once, and shows one at a time, the focus first', async () => {
    let reads = 0;
    const read = () => {
      reads++;
      return Promise.resolve(view);
    };
    render(<TaskFilesPanel read={read} />);
    expect(reads).toBe(0);
    const panel = screen.getByTestId('episode-files');
    open(panel);
    const shown = await screen.findByTestId('episode-file-text');
    expect(reads).toBe(1);
    // A line a row, numbered by CSS; the task's line marked.
    expect([...shown.children].map((l) => [l.tagName, l.textContent])).toEqual([
      ['SPAN', 'line 1'],
      ['MARK', 'line 2'],
    ]);
    expect(panel.textContent).toContain('the task is about total in src/cart.js, line 2 (marked)');
    const tabs = within(panel).getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['src/cart.js', 'a.js', 'src/b.js']);
    expect(tabs[0]!.getAttribute('aria-selected')).toBe('true');
    fireEvent.click(tabs[2]!);
    const other = screen.getByTestId('episode-file-text');
    expect([...other.children].map((l) => l.textContent)).toEqual(['export const b = 1;']);
    expect(screen.queryByTestId('episode-file-text-marked')).toBeNull();
    expect(within(panel).getAllByRole('tab')[2]!.getAttribute('aria-selected')).toBe('true');
  });

  it('says why when the files cannot be read', async () => {
    const reason = 'This run was trained in Node on the suite file q.jsonl.';
    render(<TaskFilesPanel read={() => Promise.resolve({ ok: false, reason })} />);
    open(screen.getByTestId('episode-files'));
    expect((await screen.findByTestId('episode-files-unavailable')).textContent).toBe(reason);
  });

  it('reads the files an answer chose from its FILES step, and none from other answers', () => {
    expect(chosenFiles('FILES src/cart.js a.js END')).toEqual(['src/cart.js', 'a.js']);
    expect(chosenFiles('FILES src/cart.js END\n---\nEDIT src/cart.js @4 => +')).toEqual([
      'src/cart.js',
    ]);
    expect(chosenFiles('VERDICT YES')).toEqual([]);
    expect(chosenFiles('FILES')).toEqual([]);
  });

  it('marks the chosen files, and says when one is not among the task files', async () => {
    render(<TaskFilesPanel read={() => Promise.resolve(view)} chosen={['a.js', 'src/gone.js']} />);
    const panel = screen.getByTestId('episode-files');
    open(panel);
    await screen.findByTestId('episode-file-text');
    expect(
      within(panel)
        .getAllByRole('tab')
        .map((t) => t.textContent),
    ).toEqual(['src/cart.js', 'a.js (chosen)', 'src/b.js']);
    expect(panel.textContent).toContain(
      'The answer chose a.js, src/gone.js (not among them): marked "chosen".',
    );
  });

  it('says which test files grade an answer, and whether each is the one shown', async () => {
    const graded: TaskFilesView = {
      ...view,
      graders: gradingTests(
        { 'a.test.js': 'same', 'b.test.js': 'mine', 'a.js': '' },
        { 'a.test.js': 'same', 'b.test.js': 'theirs', 'c.test.js': 'new' },
      ),
    };
    render(<TaskFilesPanel read={() => Promise.resolve(graded)} />);
    const panel = screen.getByTestId('episode-files');
    open(panel);
    await screen.findByTestId('episode-file-text');
    expect(panel.textContent).toContain(
      'The tests that grade an answer, run in the sandbox on its code: a.test.js (shown here as it is); b.test.js (another version than the one shown); c.test.js (not shown).',
    );
    expect(gradersNote([])).toBe('');
    expect(gradersNote(undefined)).toBe('');
  });

  it('names a lone file instead of offering tabs', async () => {
    const one: TaskFilesView = { ok: true, files: { 'only.js': 'x\n' } };
    render(<TaskFilesPanel read={() => Promise.resolve(one)} chosen={['only.js']} />);
    const panel = screen.getByTestId('episode-files');
    open(panel);
    await screen.findByTestId('episode-file-text');
    expect(within(panel).queryAllByRole('tab')).toEqual([]);
    expect(panel.querySelector('.file-name')!.textContent).toBe('only.js (chosen)');
  });
});
