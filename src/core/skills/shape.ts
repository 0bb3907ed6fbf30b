import type { Answer, Edit, TestCase } from '../answers/types';
import type { AnswerSpace, Task, TaskKind } from '../tasks/types';
import { tokenize } from '../js/tokens';

/** A replacement is a run of tokens; each must come from the vocabulary (empty text deletes). */
function replacementTokens(text: string): string[] {
  try {
    return tokenize(text).map((t) => t.value);
  } catch {
    return [text];
  }
}

/** The answer kinds each task kind takes, step by step. */
export const ANSWER_SHAPE: Record<TaskKind, Answer['kind'][]> = {
  localization: ['files'],
  editing: ['edits'],
  testgen: ['tests'],
  reproduction: ['tests'],
  review: ['verdict'],
  bugfix: ['files', 'edits'],
  'bugfix-multi': ['files', 'edits'],
  'tdd-fix': ['tests', 'edits'],
  refactor: ['edits'],
  'security-fix': ['edits'],
};

/** The answer's steps (a single-step answer is one step). */
export const stepsOf = (answer: Answer): Answer[] =>
  answer.kind === 'steps' ? answer.steps : [answer];

function checkCase(c: TestCase, space: AnswerSpace): string | null {
  const fn = space.functions.find((f) => f.fn === c.fn && f.module === c.module);
  if (!fn) return `${c.module} does not export a function ${c.fn} that tests may call`;
  if (space.expectRequired && c.expect === undefined)
    return `TEST ${c.fn}(...) needs EXPECT <value>`;
  return null;
}

function checkEdit(e: Edit, space: AnswerSpace): string | null {
  return space.files.includes(e.file) ? null : `${e.file} is not a file this task lets you edit`;
}

function checkStep(step: Answer, kind: Answer['kind'], task: Task): string | null {
  if (step.kind !== kind)
    return `expected ${kind.toUpperCase()} here, got ${step.kind.toUpperCase()}`;
  const { space } = task;
  switch (step.kind) {
    case 'files': {
      const unknown = step.files.find((f) => !space.files.includes(f));
      if (unknown) return `${unknown} is not a file of this repository`;
      if (new Set(step.files).size !== step.files.length) return 'a file is named twice';
      return null;
    }
    case 'edits':
      if (step.edits.length === 0) return 'at least one edit is needed';
      if (step.edits.length > space.maxEdits) return `at most ${space.maxEdits} edits are allowed`;
      return step.edits.map((e) => checkEdit(e, space)).find((r) => r !== null) ?? null;
    case 'tests':
      if (step.cases.length === 0) return 'at least one TEST is needed';
      if (step.cases.length > space.maxCases)
        return `at most ${space.maxCases} TEST lines are allowed`;
      return step.cases.map((c) => checkCase(c, space)).find((r) => r !== null) ?? null;
    default:
      return null;
  }
}

/** Why an answer does not fit the task's format and answer space, or null when it does. */
export function checkAnswerShape(task: Task, answer: Answer): string | null {
  const shape = ANSWER_SHAPE[task.kind];
  const steps = stepsOf(answer);
  if (steps.length !== shape.length) {
    return `this task takes ${shape.length} step(s) (${shape.map((s) => s.toUpperCase()).join(', then ')}), got ${steps.length}`;
  }
  for (let i = 0; i < shape.length; i++) {
    const reason = checkStep(steps[i]!, shape[i]!, task);
    if (reason) return shape.length > 1 ? `step ${i + 1}: ${reason}` : reason;
  }
  return null;
}

/**
 * Why an answer could not be produced by a policy decoding from the task's answer space (every
 * argument, expected value, replacement and inserted line taken from its lists), or null.
 * People and LLMs may write outside these lists; the validator requires gold answers inside.
 */
export function checkDecodable(task: Task, answer: Answer): string | null {
  const { space } = task;
  for (const step of stepsOf(answer)) {
    if (step.kind === 'edits') {
      for (const e of step.edits) {
        if (e.op === 'replace') {
          const outside = replacementTokens(e.text).find((t) => !space.replacements.includes(t));
          if (outside !== undefined)
            return `replacement token "${outside}" is not in the edit vocabulary`;
        }
        if (e.op === 'insert' && !space.insertLines.includes(e.text))
          return `inserted line "${e.text}" is not offered by the task`;
      }
    }
    if (step.kind === 'tests') {
      for (const c of step.cases) {
        const missing = [...c.args, ...(c.expect === undefined ? [] : [c.expect])].find(
          (v) => !space.literals.includes(v),
        );
        if (missing !== undefined) return `literal ${missing} is not among the task's literals`;
      }
    }
  }
  return null;
}
