import { applyPatch, createSnapshot } from '../vfs';
import { isSandboxPoolError } from '../sandbox/poolError';
import type { SandboxRunner } from '../sandbox/types';
import { runHidden } from '../skills/grading';
import { checkAnswerShape, checkDecodable } from '../skills/shape';
import { verifyAnswer } from '../skills/verify';
import type { Task, TaskKind } from './types';

export type TaskValidity = { ok: true } | { ok: false; reason: string };

const BUG_KINDS: ReadonlySet<TaskKind> = new Set([
  'localization',
  'editing',
  'reproduction',
  'bugfix',
  'bugfix-multi',
  'tdd-fix',
  'security-fix',
]);

/**
 * A localization label (the task's gold files, or a composite's first step's) that is not the
 * set of files the fix changes: the right answer would then earn 0 (review 41core finding 4, for
 * suite files made elsewhere). Null when it holds, or when the task records no fix.
 */
function localizationLabelProblem(task: Task): string | null {
  const fixed = task.hidden.fixedFiles;
  if (!fixed) return null;
  const first = task.gold.kind === 'steps' ? task.gold.steps[0] : task.gold;
  if (first?.kind !== 'files') return null;
  const changed = Object.keys(fixed)
    .filter((f) => fixed[f] !== task.files[f])
    .sort();
  const named = [...first.files].sort();
  if (changed.join('\n') === named.join('\n')) return null;
  return `the gold names ${named.join(', ') || 'no file'} but the fix changes ${changed.join(', ') || 'no file'}`;
}

async function kindChecks(task: Task, sandbox: SandboxRunner): Promise<string | null> {
  const label = localizationLabelProblem(task);
  if (label) return label;
  if (BUG_KINDS.has(task.kind)) {
    const buggy = await runHidden(sandbox, task, task.files);
    if (buggy.verdict === 'pass')
      return 'the hidden tests pass on the buggy code (there is no bug to find)';
  }
  if (task.kind === 'testgen') {
    const mutants = task.hidden.mutants ?? [];
    if (mutants.length === 0) return 'no hidden mutants';
    // A mutant "caught" by tests that fail anyway proves nothing: they must pass on the code.
    const correct = await runHidden(sandbox, task, task.files);
    if (correct.verdict !== 'pass') return 'the reference tests fail on the correct code';
    for (const m of mutants) {
      const run = await runHidden(sandbox, task, { ...task.files, [m.file]: m.content });
      if (run.verdict === 'pass')
        return `hidden mutant ${m.id} is not caught by the reference tests`;
    }
  }
  if (task.kind === 'review') {
    if (!task.patch || !task.hidden.fixedFiles || !task.hidden.label)
      return 'review task without a patch, patched files or label';
    const applied = applyPatch(createSnapshot(task.files), task.patch);
    if (!applied.ok) return `the candidate patch does not apply: ${applied.error.message}`;
    if (!applied.snapshot.equals(createSnapshot(task.hidden.fixedFiles)))
      return 'the candidate patch does not produce the recorded files';
    const run = await runHidden(sandbox, task, task.hidden.fixedFiles);
    const label = run.verdict === 'pass' ? 'YES' : 'NO';
    if (label !== task.hidden.label)
      return `the label says ${task.hidden.label} but running the hidden tests says ${label}`;
  }
  return null;
}

/**
 * Validates a task by execution before anyone trains or evaluates on it: the gold answer fits
 * the answer format and the answer space and earns reward 1; buggy code fails its hidden tests;
 * every hidden mutant is caught; review labels hold. Returns the first reason it is invalid.
 */
export async function validateTask(task: Task, sandbox: SandboxRunner): Promise<TaskValidity> {
  try {
    const shape = checkAnswerShape(task, task.gold) ?? checkDecodable(task, task.gold);
    if (shape) return { ok: false, reason: `gold answer outside the answer format: ${shape}` };
    const kind = await kindChecks(task, sandbox);
    if (kind) return { ok: false, reason: kind };
    const oracle = await verifyAnswer(task, task.gold, sandbox);
    if (oracle.reward !== 1)
      return { ok: false, reason: `the gold answer earns reward 0: ${oracle.facts.join(' ')}` };
    return { ok: true };
  } catch (error) {
    // A failed pool says nothing of the task: a suite built on would be cached without it.
    if (isSandboxPoolError(error)) throw error;
    return {
      ok: false,
      reason: `validation crashed: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
