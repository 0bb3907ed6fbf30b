// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appStore } from '../../state/appStore';
import { initialLearnState } from '../../state/learnSlice';
import { NumberedText } from './NumberedText';
import { editingTask } from './testTasks';
import { EditingPanel } from './EditingPanel';

afterEach(cleanup);

const code = Array.from({ length: 50 }, (_, i) => `const line${i + 1} = ${i + 1};`).join('\n');

/** The margin's numbers, the marked ones with their "▸". */
const gutter = (testId: string) =>
  [...screen.getByTestId(`${testId}-gutter`).children].map((c) => ({
    text: c.textContent,
    marked: c.classList.contains('marked'),
  }));

describe('NumberedText: code as text, numbered, the task’s lines marked', () => {
  it('numbers every line and marks only the lines given', () => {
    render(
      <NumberedText
        value={code}
        onChange={() => {}}
        mark={{ start: 45, end: 46 }}
        label="Edit"
        testId="t"
      />,
    );
    const lines = gutter('t');
    expect(lines).toHaveLength(50);
    expect(lines[0]).toEqual({ text: '1', marked: false });
    expect(lines.filter((l) => l.marked).map((l) => l.text)).toEqual(['▸45', '▸46']);
    expect(screen.getByTestId('t').getAttribute('wrap')).toBe('off');
  });

  it('follows the text: a line typed adds a number', () => {
    const onChange = vi.fn();
    const { rerender } = render(
      <NumberedText value="a" onChange={onChange} label="Edit" testId="t" />,
    );
    expect(gutter('t')).toEqual([{ text: '1', marked: false }]);
    fireEvent.change(screen.getByTestId('t'), { target: { value: 'a\nb' } });
    expect(onChange).toHaveBeenCalledWith('a\nb');
    rerender(<NumberedText value={'a\nb'} onChange={onChange} label="Edit" testId="t" />);
    expect(gutter('t').map((l) => l.text)).toEqual(['1', '2']);
  });
});

describe('EditingPanel as text: the hint names the line the margin marks', () => {
  beforeEach(() => {
    appStore.setState({ learn: initialLearnState });
    appStore.getState().uiActions.setCodeView('text');
  });

  it('says "line 45 of cents.js" and marks line 45', () => {
    const task = editingTask('cents.js', code, {
      line: 45,
      body: 'Line 45 of `groupThousands`',
      maxEdits: 3,
    });
    render(<EditingPanel task={task} />);
    expect(screen.getByTestId('learn-edit-hint').textContent).toContain(
      'The task points to line 45 of cents.js, marked in the code.',
    );
    const marked = gutter('learn-editor-text').filter((l) => l.marked);
    expect(marked.map((l) => l.text)).toEqual(['▸45']);
  });
});
