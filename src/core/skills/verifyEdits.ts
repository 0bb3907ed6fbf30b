import type { Edit } from '../answers/types';
import type { SandboxRunner } from '../sandbox/types';
import type { Task } from '../tasks/types';
import { diffFiles } from '../vfs/diff';
import { passCount, runHidden, summary, tryApply } from './grading';
import { checkStructure } from './structure';
import { toRun, type Verification } from './types';

/**
 * Editing-like rewards: apply the edits, then every hidden test must pass (and, for a
 * refactoring, the structural check must hold). `allowedFiles` limits the edits to the files a
 * composite task's localization step named.
 */
export async function verifyEditStep(
  task: Task,
  edits: readonly Edit[],
  sandbox: SandboxRunner,
  allowedFiles?: readonly string[],
): Promise<Verification> {
  const facts: string[] = [];
  if (allowedFiles) {
    const outside = edits.find((e) => !allowedFiles.includes(e.file));
    if (outside) {
      return {
        reward: 0,
        valid: true,
        facts: [`The edit touches ${outside.file}, which the localization step did not name.`],
        runs: [],
        secondary: {},
      };
    }
  }
  const applied = tryApply(task.files, edits);
  if ('error' in applied) {
    return {
      reward: 0,
      valid: true,
      facts: [`The edits could not be applied: ${applied.error}`],
      runs: [],
      secondary: {},
    };
  }
  const rendering = {
    patch: diffFiles(task.files, applied.files),
  };
  const result = await runHidden(sandbox, task, applied.files);
  const passed = result.verdict === 'pass';
  facts.push(`Hidden tests on the edited code: ${summary(result)}.`);
  let structural = true;
  if (task.hidden.structural) {
    const problem = checkStructure(task.hidden.structural, applied.files);
    structural = problem === null;
    facts.push(
      structural ? 'The structural check holds.' : `The structural check fails: ${problem}`,
    );
  }
  const reward = passed && structural ? 1 : 0;
  facts.push(reward ? 'Reward 1: every hidden test passes.' : 'Reward 0.');
  return {
    reward,
    valid: true,
    facts,
    runs: [toRun('hidden tests on the edited code', result, passed)],
    secondary: { testsPassed: result.tests.length ? passCount(result) / result.tests.length : 0 },
    rendering,
  };
}
