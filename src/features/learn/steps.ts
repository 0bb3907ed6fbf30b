import { parseAnswer } from '../../core/answers/text';
import type { Answer } from '../../core/answers/types';
import { AnswerSyntaxError } from '../../core/answers/types';
import type { BugTasks, PlayTask } from '../../protocol/learn';
import type { Check } from '../../state/learnSlice';

/** The parts of the Learn page a bug decomposes into: five skills, then two composites. */
export const STEP_KEYS = [
  'localization',
  'editing',
  'reproduction',
  'review',
  'testgen',
  'bugfix',
  'tdd-fix',
] as const;
export type StepKey = (typeof STEP_KEYS)[number];

export const isStepKey = (s: string | null): s is StepKey =>
  s !== null && (STEP_KEYS as readonly string[]).includes(s);

export interface StepInfo {
  key: StepKey;
  /** Short name on its tab. */
  title: string;
  /** The paper's name for the skill or task. */
  skill: string;
  composite: boolean;
  /** What the person does, and what the reward is (as the verifier decides it). */
  how: string;
}

export const STEPS: Record<StepKey, StepInfo> = {
  localization: {
    key: 'localization',
    title: 'Find the file',
    skill: 'code localization',
    composite: false,
    how: 'Read the issue and the repository, then name the file or files the fix must change. Reward 1 when your set of files is exactly the set the gold fix changes.',
  },
  editing: {
    key: 'editing',
    title: 'Fix the code',
    skill: 'code editing',
    composite: false,
    how: 'You are told where the bug is. Change the code so that every hidden test passes. Your change is written below as the policy would have to write it (token replacements, whole lines deleted or inserted), within the task’s limit of edits. Reward 1 when every hidden test passes on the edited code.',
  },
  reproduction: {
    key: 'reproduction',
    title: 'Reproduce the issue',
    skill: 'issue reproduction',
    composite: false,
    how: 'Write one test: a call with literal arguments and the value the issue says it should return (EXPECT). Reward 1 when it fails on this buggy code and passes once the gold fix is in.',
  },
  review: {
    key: 'review',
    title: 'Review patches',
    skill: 'code review',
    composite: false,
    how: 'Each candidate patch claims to fix the issue (one of them is the gold fix: play “Find the file” and “Fix the code” first to find it yourself). Say YES if it makes every hidden test pass, NO if it does not. Reward 1 when you agree with the label the hidden tests gave it, run in the sandbox.',
  },
  testgen: {
    key: 'testgen',
    title: 'Write unit tests',
    skill: 'unit-test generation',
    composite: false,
    how: 'The function’s correct code: write tests that pass on it and would catch bugs in it. Leave out EXPECT to record the value the correct code returns. Reward 1 when they pass on the correct code and fail on every hidden mutant (a small bug planted in the function).',
  },
  bugfix: {
    key: 'bugfix',
    title: 'Bug fixing',
    skill: 'bug fixing (composite)',
    composite: true,
    how: 'The joint policy never trains on bug fixing: it is your localization answer, then your editing answer, graded as one episode. Reward 1 when the edits, made only in the files you named, make every hidden test pass; whether you named exactly the gold fix’s files is reported beside.',
  },
  'tdd-fix': {
    key: 'tdd-fix',
    title: 'Test-driven fixing',
    skill: 'test-driven fixing (composite)',
    composite: true,
    how: 'Your reproduction test, then your edit, graded as one episode. Reward 1 when the test reproduces the issue, the edit makes every hidden test pass, and the test passes on your fixed code.',
  },
};

/** The tasks a step is played on (review: one per candidate patch); none when the bug has none. */
export function stepTasks(bug: BugTasks, key: StepKey): PlayTask[] {
  const one = (t: PlayTask | null): PlayTask[] => (t ? [t] : []);
  switch (key) {
    case 'localization':
      return [bug.localization];
    case 'editing':
      return [bug.editing];
    case 'reproduction':
      return one(bug.reproduction);
    case 'review':
      return bug.review;
    case 'testgen':
      return one(bug.testgen);
    case 'bugfix':
      return [bug.bugfix];
    case 'tdd-fix':
      return one(bug.tddFix);
  }
}

/** The atomic steps a composite joins, in order. */
export const COMPOSITE_PARTS: Partial<Record<StepKey, StepKey[]>> = {
  bugfix: ['localization', 'editing'],
  'tdd-fix': ['reproduction', 'editing'],
};

/** Answer text read as an answer, or what is wrong with it (line and expectation). */
export type ParsedAnswer = { ok: true; answer: Answer } | { ok: false; reason: string };

export function readAnswer(text: string | undefined): ParsedAnswer {
  if (text === undefined || text.trim() === '') return { ok: false, reason: 'No answer yet.' };
  try {
    return { ok: true, answer: parseAnswer(text) };
  } catch (error) {
    if (error instanceof AnswerSyntaxError)
      return { ok: false, reason: `The answer does not read: ${error.message}.` };
    throw error;
  }
}

/**
 * Where a task stands: no answer, an answer not checked, checking (after a reload too: the
 * answers checked before are checked again), its reward, or checked before the answer changed.
 */
export type TaskState =
  | { kind: 'open' }
  | { kind: 'answered' }
  | { kind: 'checking' }
  | { kind: 'scored'; reward: number }
  | { kind: 'stale'; reward: number }
  | { kind: 'failed' };

export function taskState(check: Check | undefined, answerText: string | undefined): TaskState {
  if (!check) return answerText?.trim() ? { kind: 'answered' } : { kind: 'open' };
  if (check.status === 'checking') return { kind: 'checking' };
  // A failed check holds for the text it was given: another answer since is not checked yet.
  if (check.status === 'error')
    return check.answerText === (answerText ?? '')
      ? { kind: 'failed' }
      : taskState(undefined, answerText);
  const reward = check.verdict.reward;
  return check.answerText === (answerText ?? '')
    ? { kind: 'scored', reward }
    : { kind: 'stale', reward };
}

/** A step's state in one word, from its tasks' states (review: all of its patches). */
export function stepWord(states: readonly TaskState[]): string {
  if (states.length === 0) return 'none for this bug';
  if (states.some((s) => s.kind === 'checking')) return 'checking…';
  if (states.some((s) => s.kind === 'failed')) return 'check failed';
  const scored = states.filter((s) => s.kind === 'scored');
  if (scored.length === states.length) {
    const won = scored.filter((s) => s.reward === 1).length;
    return states.length === 1 ? `reward ${won}` : `${won} of ${states.length} right`;
  }
  if (states.some((s) => s.kind === 'stale')) return 'changed since checked';
  if (scored.length) return `${scored.length} of ${states.length} checked`;
  const answered = states.filter((s) => s.kind === 'answered').length;
  if (answered === 0) return 'to play';
  return states.length === 1
    ? 'answer saved, not checked'
    : `${answered} of ${states.length} answered, not checked`;
}

/**
 * The answer text a task is checked with, and the parts still missing: a composite's text is
 * its parts' answers joined by `---` (one episode, step after step).
 */
export function answerFor(
  bug: BugTasks,
  key: StepKey,
  taskId: string,
  answers: Readonly<Record<string, string>>,
): { text: string | undefined; missing: StepKey[] } {
  const parts = COMPOSITE_PARTS[key];
  if (!parts) return { text: answers[taskId], missing: [] };
  const texts = parts.map((p) => {
    const [t] = stepTasks(bug, p);
    return t ? answers[t.id]?.trim() : undefined;
  });
  const missing = parts.filter((_, i) => !texts[i]);
  return { text: missing.length ? undefined : texts.join('\n---\n'), missing };
}
