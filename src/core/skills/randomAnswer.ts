import type { Answer, Edit, TestCase } from '../answers/types';
import { tokenize } from '../js/tokens';
import type { Rng } from '../rng';
import type { Task } from '../tasks/types';
import { ANSWER_SHAPE } from './shape';

const END = Symbol('end');

/** Files chosen one at a time, uniformly among the unused ones and END (once one is chosen). */
function randomFiles(task: Task, rng: Rng): Answer {
  const left = [...task.space.files];
  const files: string[] = [];
  for (;;) {
    const choices: (string | typeof END)[] = files.length > 0 ? [...left, END] : left;
    if (choices.length === 0) break;
    const c = rng.pick(choices);
    if (c === END) break;
    files.push(c);
    left.splice(left.indexOf(c), 1);
  }
  return { kind: 'files', files };
}

function randomEdits(task: Task, rng: Rng): Answer {
  const { space } = task;
  const count = 1 + rng.int(Math.max(1, Math.min(3, space.maxEdits)));
  const edits: Edit[] = [];
  for (let i = 0; i < count; i++) {
    const file = rng.pick(space.files);
    if (space.insertLines.length > 0 && rng.next() < 0.5) {
      const lines = (task.files[file] ?? '').split('\n').length;
      edits.push({
        op: 'insert',
        file,
        line: 1 + rng.int(lines),
        text: rng.pick(space.insertLines),
      });
      continue;
    }
    const tokens = tokenize(task.files[file] ?? '').length;
    edits.push({
      op: 'replace',
      file,
      token: rng.int(Math.max(tokens, 1)),
      text: rng.pick(space.replacements),
    });
  }
  return { kind: 'edits', edits };
}

function randomTests(task: Task, rng: Rng): Answer {
  const { space } = task;
  const literals = space.literals.length > 0 ? space.literals : ['0'];
  const count = 1 + rng.int(Math.max(1, space.maxCases));
  const cases: TestCase[] = [];
  for (let i = 0; i < count; i++) {
    const f = rng.pick(space.functions);
    const args = Array.from({ length: f.arity }, () => rng.pick(literals));
    cases.push({
      module: f.module,
      fn: f.fn,
      args,
      ...(space.expectRequired ? { expect: rng.pick(literals) } : {}),
    });
  }
  return { kind: 'tests', cases };
}

/**
 * A uniformly random valid answer: every choice a decoder would make is drawn uniformly from the
 * task's answer space. The floor any trained policy must beat.
 */
export function randomAnswer(task: Task, rng: Rng): Answer {
  const steps = ANSWER_SHAPE[task.kind].map((kind): Answer => {
    switch (kind) {
      case 'files':
        return randomFiles(task, rng);
      case 'edits':
        return randomEdits(task, rng);
      case 'tests':
        return randomTests(task, rng);
      case 'verdict':
        return { kind: 'verdict', verdict: rng.next() < 0.5 ? 'YES' : 'NO' };
      default:
        throw new Error(`no random answer for a ${kind} step`);
    }
  });
  return steps.length === 1 ? steps[0]! : { kind: 'steps', steps };
}
