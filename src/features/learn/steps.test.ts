import { describe, expect, it } from 'vitest';
import { emptySpace } from '../../core/tasks/space';
import type { TaskKind } from '../../core/tasks/types';
import type { BugTasks, PlayTask, PlayVerdict } from '../../protocol/learn';
import type { Check } from '../../state/learnSlice';
import { answerFor, readAnswer, stepTasks, stepWord, taskState } from './steps';

const play = (kind: TaskKind, id: string): PlayTask => ({
  id,
  kind,
  split: 'test',
  project: 'p',
  prompt: { title: 'Issue', body: '' },
  files: {},
  space: emptySpace(),
});

const bug: BugTasks = {
  bug: { id: 'fix', project: 'p', split: 'test', title: 'Issue', listTitle: 'Issue', skills: 4 },
  bugfix: play('bugfix', 'fix'),
  localization: play('localization', 'loc'),
  editing: play('editing', 'edit'),
  reproduction: play('reproduction', 'repro'),
  tddFix: null,
  review: [play('review', 'r1'), play('review', 'r2')],
  testgen: null,
};

const done = (answerText: string, reward: 0 | 1): Check => ({
  status: 'done',
  answerText,
  verdict: { reward } as PlayVerdict,
});

describe('the Learn page’s steps', () => {
  it('a composite is checked with its parts’ answers joined, and says which are missing', () => {
    const answers = { loc: 'FILES a.js END', edit: 'EDIT a.js @3 => +' };
    expect(answerFor(bug, 'bugfix', 'fix', answers)).toEqual({
      text: 'FILES a.js END\n---\nEDIT a.js @3 => +',
      missing: [],
    });
    expect(answerFor(bug, 'bugfix', 'fix', { loc: 'FILES a.js END' }).missing).toEqual(['editing']);
    expect(answerFor(bug, 'tdd-fix', 'x', answers).missing).toEqual(['reproduction']);
    expect(answerFor(bug, 'localization', 'loc', answers).text).toBe('FILES a.js END');
    const joined = readAnswer(answerFor(bug, 'bugfix', 'fix', answers).text);
    expect(joined.ok && joined.answer.kind).toBe('steps');
  });

  it('reads answer text or says the line that does not read', () => {
    expect(readAnswer(undefined)).toEqual({ ok: false, reason: 'No answer yet.' });
    expect(readAnswer('VERDICT MAYBE')).toEqual({
      ok: false,
      reason: 'The answer does not read: line 1: expected VERDICT YES or VERDICT NO.',
    });
    expect(readAnswer('VERDICT NO')).toEqual({
      ok: true,
      answer: { kind: 'verdict', verdict: 'NO' },
    });
  });

  it('a verdict holds for the answer it was given; an edit after it makes it stale', () => {
    expect(taskState(undefined, undefined)).toEqual({ kind: 'open' });
    expect(taskState(undefined, ' ')).toEqual({ kind: 'open' });
    // An answer saved before a reload, whose verdict was not kept.
    expect(taskState(undefined, 'x')).toEqual({ kind: 'answered' });
    expect(taskState(done('VERDICT NO', 1), 'VERDICT NO')).toEqual({ kind: 'scored', reward: 1 });
    expect(taskState(done('VERDICT NO', 1), 'VERDICT YES')).toEqual({ kind: 'stale', reward: 1 });
    expect(taskState({ status: 'checking', answerText: '' }, '')).toEqual({ kind: 'checking' });
    const failed = { status: 'error' as const, answerText: 'VERDICT NO', error: 'no sandbox' };
    expect(taskState(failed, 'VERDICT NO')).toEqual({ kind: 'failed' });
    expect(taskState(failed, 'VERDICT YES')).toEqual({ kind: 'answered' });
  });

  it('words a step from its tasks: review counts its patches', () => {
    expect(stepTasks(bug, 'review')).toHaveLength(2);
    expect(stepTasks(bug, 'tdd-fix')).toEqual([]);
    expect(stepWord([])).toBe('none for this bug');
    expect(stepWord([{ kind: 'open' }])).toBe('to play');
    expect(stepWord([{ kind: 'answered' }])).toBe('answer saved, not checked');
    expect(stepWord([{ kind: 'answered' }, { kind: 'open' }])).toBe('1 of 2 answered, not checked');
    expect(stepWord([{ kind: 'scored', reward: 1 }])).toBe('reward 1');
    expect(
      stepWord([
        { kind: 'scored', reward: 1 },
        { kind: 'scored', reward: 0 },
      ]),
    ).toBe('1 of 2 right');
    expect(stepWord([{ kind: 'scored', reward: 1 }, { kind: 'open' }])).toBe('1 of 2 checked');
    expect(stepWord([{ kind: 'failed' }, { kind: 'scored', reward: 1 }])).toBe('check failed');
    expect(stepWord([{ kind: 'stale', reward: 1 }])).toBe('changed since checked');
  });
});
