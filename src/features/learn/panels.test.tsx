// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appStore } from '../../state/appStore';
import { initialLearnState } from '../../state/learnSlice';
import { editingTask } from './testTasks';
import { EditingPanel } from './EditingPanel';

afterEach(cleanup);

beforeEach(() => {
  appStore.setState({ learn: initialLearnState });
  appStore.getState().uiActions.setCodeView('text');
});

const code = ['export const a = 1;', 'export const b = 2;', 'export const c = 3;', ''].join('\n');

const task = editingTask('sum.js', code, {
  line: 2,
  title: 'Wrong sum',
  body: 'Calling `sum(1, 2)` gives `4`; a ` alone stays.',
});

describe('the Learn page’s editing panel', () => {
  it('shows the issue’s `code` as code, without the backticks', () => {
    render(<EditingPanel task={task} />);
    const issue = screen.getByTestId('learn-issue-text');
    expect(issue.textContent).toBe('Calling sum(1, 2) gives 4; a ` alone stays.');
    expect([...issue.querySelectorAll('code')].map((c) => c.textContent)).toEqual([
      'sum(1, 2)',
      '4',
    ]);
  });

  it('after too many edits, "Your answer" says why there is none, not "(none yet)"', () => {
    render(<EditingPanel task={task} />);
    const answer = screen.getByTestId('learn-editing-answer');
    expect(answer.textContent).toBe('(none yet)');
    fireEvent.change(screen.getByTestId('learn-editor-text'), {
      target: { value: code.replace('= 1', '= 10').replace('= 3', '= 30') },
    });
    expect(screen.getByTestId('learn-editing-problem').textContent).toMatch(
      /more edits than an answer may hold/,
    );
    expect(answer.textContent).toBe(
      '(none: your changes cannot be written as an answer, see below)',
    );
  });
});
