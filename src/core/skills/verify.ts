import type { Answer } from '../answers/types';
import { isSandboxPoolError } from '../sandbox/poolError';
import type { SandboxRunner } from '../sandbox/types';
import type { Task } from '../tasks/types';
import { checkAnswerShape, stepsOf } from './shape';
import { invalid, type AnswerRendering, type GradeOptions, type Verification } from './types';
import { verifyEditStep } from './verifyEdits';
import { verifyReproOnFix, verifyReproduction, verifyTestgen } from './verifyTests';

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x) => b.includes(x));

function goldFiles(task: Task): string[] {
  const first = stepsOf(task.gold)[0];
  return first?.kind === 'files' ? first.files : [];
}

function verifyLocalization(task: Task, files: string[]): Verification {
  const gold = goldFiles(task);
  const hit = files.filter((f) => gold.includes(f)).length;
  const reward = sameSet(files, gold) ? 1 : 0;
  return {
    reward,
    valid: true,
    facts: [
      `Named: ${files.join(', ')}. The gold fix changes: ${gold.join(', ')}.`,
      reward ? 'Reward 1: exact set match.' : 'Reward 0: the sets differ.',
    ],
    runs: [],
    secondary: {
      precision: files.length ? hit / files.length : 0,
      recall: gold.length ? hit / gold.length : 0,
    },
  };
}

function verifyReview(task: Task, verdict: 'YES' | 'NO'): Verification {
  const label = task.hidden.label;
  const reward = verdict === label ? 1 : 0;
  const truth = label === 'YES' ? 'makes every hidden test pass' : 'leaves hidden tests failing';
  return {
    reward,
    valid: true,
    facts: [
      `You said ${verdict}. Run against the hidden tests, the patch ${truth} (label ${label ?? '?'}).`,
      reward ? 'Reward 1.' : 'Reward 0.',
    ],
    runs: [],
    secondary: {},
  };
}

/** Merges a composite task's step verdicts: reward 1 only when every step holds. */
function combine(parts: Verification[], extra: string[] = []): Verification {
  const reward = parts.every((p) => p.reward === 1) ? 1 : 0;
  return {
    reward,
    valid: parts.every((p) => p.valid),
    facts: [
      ...parts.flatMap((p) => p.facts),
      ...extra,
      reward ? 'Composite reward 1.' : 'Composite reward 0.',
    ],
    runs: parts.flatMap((p) => p.runs),
    secondary: Object.assign({}, ...parts.map((p) => p.secondary)) as Record<string, number>,
    ...renderingOf(parts),
  };
}

/** The parts' renderings in one (a composite's test file from one step, its patch from another). */
function renderingOf(parts: readonly Verification[]): Pick<Verification, 'rendering'> {
  const rendering = Object.assign({}, ...parts.map((p) => p.rendering)) as AnswerRendering;
  return Object.keys(rendering).length ? { rendering } : {};
}

/**
 * Grades an answer exactly as the paper defines each skill's binary reward, by execution in the
 * sandbox. Malformed answers and answers outside the answer space get reward 0, with the reason.
 * `options.untilDecided` skips the runs that cannot change the reward (see GradeOptions).
 */
export async function verifyAnswer(
  task: Task,
  answer: Answer,
  sandbox: SandboxRunner,
  options: GradeOptions = {},
): Promise<Verification> {
  const problem = checkAnswerShape(task, answer);
  if (problem) return invalid(problem);
  try {
    return await grade(task, answer, sandbox, options);
  } catch (error) {
    // The sandbox itself failing is no verdict on the answer: reward 0 for it would train and
    // score on zeros with no word (review 41core finding 2). The caller stops and says so.
    if (isSandboxPoolError(error)) throw error;
    // Whatever an answer contains, grading ends in a reward, never in a crash of the caller.
    const message = error instanceof Error ? error.message : String(error);
    return {
      reward: 0,
      valid: true,
      facts: [`The answer could not be graded: ${message}`, 'Reward 0.'],
      runs: [],
      secondary: {},
    };
  }
}

/**
 * Grades a group of answers to one task, each distinct answer once: identical answers (common
 * in a GRPO group once the policy is sure of itself) share one verdict object. Grading runs the
 * same code with the same limits, so a repeat could only differ by a timing accident.
 */
export async function verifyGroup(
  task: Task,
  answers: readonly Answer[],
  sandbox: SandboxRunner,
  options: GradeOptions = {},
): Promise<Verification[]> {
  const verdicts = new Map<string, Promise<Verification>>();
  return Promise.all(
    answers.map((answer) => {
      const key = JSON.stringify(answer);
      let verdict = verdicts.get(key);
      if (!verdict) {
        verdict = verifyAnswer(task, answer, sandbox, options);
        verdicts.set(key, verdict);
      }
      return verdict;
    }),
  );
}

async function grade(
  task: Task,
  answer: Answer,
  sandbox: SandboxRunner,
  options: GradeOptions,
): Promise<Verification> {
  const steps = stepsOf(answer);
  const [first, second] = steps;
  switch (task.kind) {
    case 'localization':
      return verifyLocalization(task, first?.kind === 'files' ? first.files : []);
    case 'editing':
    case 'refactor':
    case 'security-fix':
      return verifyEditStep(task, first?.kind === 'edits' ? first.edits : [], sandbox);
    case 'testgen':
      return verifyTestgen(task, first?.kind === 'tests' ? first.cases : [], sandbox, options);
    case 'reproduction':
      return verifyReproduction(task, first?.kind === 'tests' ? first.cases : [], sandbox, options);
    case 'review':
      return verifyReview(task, first?.kind === 'verdict' ? first.verdict : 'NO');
    case 'bugfix':
    case 'bugfix-multi': {
      const files = first?.kind === 'files' ? first.files : [];
      const located = verifyLocalization(task, files);
      const fixed = await verifyEditStep(
        task,
        second?.kind === 'edits' ? second.edits : [],
        sandbox,
        files,
      );
      // The fix is what is rewarded; whether the localization was exact is a secondary metric.
      const merged = combine([fixed]);
      return {
        ...merged,
        facts: [located.facts[0]!, ...merged.facts],
        secondary: { ...merged.secondary, localized: located.reward },
      };
    }
    case 'tdd-fix': {
      const cases = first?.kind === 'tests' ? first.cases : [];
      const edits = second?.kind === 'edits' ? second.edits : [];
      const repro = await verifyReproduction(task, cases, sandbox);
      const fixed = await verifyEditStep(task, edits, sandbox);
      return combine([repro, fixed, await verifyReproOnFix(task, cases, edits, sandbox)]);
    }
  }
}
