import { createRng } from '../rng';
import type { SandboxRunner } from '../sandbox/types';
import { probeCases } from '../skills/grading';
import { analyzeProject, type AnalyzedMutant, type ProjectAnalysis } from './analyze';
import { singleMutantTasks } from './generate/bugTasks';
import type { GenContext } from './generate/common';
import { reviewTasks } from './generate/review';
import { testgenTasks } from './generate/testgen';
import type { ImportedProject } from './humanEval';
import { distinguishing } from './outcomes';
import { tokenEditsBetween } from './tokenFix';
import type { Task } from './types';

/** The dataset's own buggy solution as a mutant of the analysed project. */
async function knownBug(
  a: ProjectAnalysis,
  p: ImportedProject,
  sandbox: SandboxRunner,
): Promise<AnalyzedMutant | string> {
  const files = { ...p.files, [p.module]: p.buggy };
  const run = await sandbox.run({ files, deadlineMs: 2000 });
  if (run.verdict === 'pass') return 'the buggy solution passes the tests';
  const probe = await probeCases(sandbox, files, a.pool);
  return {
    id: 'humanevalfix',
    file: p.module,
    operator: 'dataset',
    description: `the dataset's buggy solution of ${p.taskId}`,
    line: 0,
    content: p.buggy,
    failingTests: run.tests.filter((t) => t.status === 'fail').map((t) => `${t.file} > ${t.name}`),
    security: false,
    fixEdits: tokenEditsBetween(p.module, p.buggy, p.files[p.module]!),
    outcomes: probe.outcomes,
    differs: distinguishing(a.correct, probe.outcomes),
  };
}

/**
 * Tasks from imported HumanEvalPack projects: for the dataset's bug, localization, editing,
 * reproduction, review and bug fixing; unit-test generation against AST mutants of the entry
 * point. All go to the `test` split and carry origin `humanevalpack`.
 */
export async function importedTasks(
  projects: readonly ImportedProject[],
  sandbox: SandboxRunner,
  seed: number,
): Promise<{ tasks: Task[]; problems: { project: string; reason: string }[] }> {
  const tasks: Task[] = [];
  const problems: { project: string; reason: string }[] = [];
  for (const p of projects) {
    try {
      tasks.push(...(await tasksForProject(p, sandbox, seed, problems)));
    } catch (error) {
      // One record's odd code (e.g. a buggy solution that does not parse) must not stop the rest.
      problems.push({
        project: p.name,
        reason: `could not generate tasks: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }
  return { tasks, problems };
}

async function tasksForProject(
  p: ImportedProject,
  sandbox: SandboxRunner,
  seed: number,
  problems: { project: string; reason: string }[],
): Promise<Task[]> {
  const tasks: Task[] = [];
  {
    const rng = createRng(seed).fork(p.name);
    const analysis = await analyzeProject(p, sandbox, rng.fork('analysis'), 40);
    if (analysis.problem) {
      problems.push({ project: p.name, reason: analysis.problem });
      return [];
    }
    const bug = await knownBug(analysis, p, sandbox);
    if (typeof bug === 'string') {
      problems.push({ project: p.name, reason: bug });
      return [];
    }
    const ctx: GenContext = { analysis, split: 'test', rng: rng.fork('tasks') };
    const made = [
      ...singleMutantTasks(ctx, bug),
      ...(await reviewTasks(ctx, bug, sandbox)),
      ...analysis.exports.flatMap((e) => testgenTasks(ctx, e)),
    ].filter((t) => t.kind !== 'tdd-fix');
    if (!made.some((t) => t.kind === 'bugfix'))
      problems.push({ project: p.name, reason: 'the fix is not expressible as a few token edits' });
    tasks.push(
      ...made.map((t) => ({
        ...t,
        origin: 'humanevalpack' as const,
        meta: { ...t.meta, source: p.taskId },
      })),
    );
  }
  return tasks;
}
