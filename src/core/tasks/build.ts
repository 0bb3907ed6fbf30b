import { CORPUS, type CorpusProject } from '../corpus';
import { createRng } from '../rng';
import type { SandboxRunner } from '../sandbox/types';
import { analyzeProject, type ProjectAnalysis } from './analyze';
import { singleMutantTasks } from './generate/bugTasks';
import type { GenContext } from './generate/common';
import { multiFileTasks } from './generate/multi';
import { refactorTasks } from './generate/refactor';
import { reviewTasks } from './generate/review';
import { testgenTasks } from './generate/testgen';
import { assignSplits } from './splits';
import type { Task } from './types';

export interface BuildOptions {
  seed: number;
  projects?: readonly CorpusProject[];
  /** Mutations tried per project (default 90). */
  maxMutants?: number;
  /**
   * More mutations tried per project for unit-test generation alone, in exported functions a
   * test can call (default: twice `maxMutants`, 180). They give more disjoint hidden-mutant
   * sets without multiplying every other kind of task.
   */
  testgenMutants?: number;
  onProgress?: (done: number, total: number, project: string) => void;
}

export interface ProjectReport {
  project: string;
  split: string;
  problem: string | null;
  tried: number;
  caught: number;
  dropped: Record<string, number>;
  tasks: number;
}

/** Every task of one analysed project. */
export async function projectTasks(ctx: GenContext, sandbox: SandboxRunner): Promise<Task[]> {
  const a: ProjectAnalysis = ctx.analysis;
  const tasks: Task[] = [];
  for (const m of a.mutants) {
    tasks.push(...singleMutantTasks(ctx, m));
    tasks.push(...(await reviewTasks(ctx, m, sandbox)));
  }
  for (const e of a.exports) tasks.push(...testgenTasks(ctx, e), ...refactorTasks(ctx, e));
  if (a.sources.length > 1) tasks.push(...(await multiFileTasks(ctx, sandbox)));
  return tasks;
}

/**
 * Builds the built-in suite from the corpus: analyse each project (reference tests, input
 * pool, caught mutants), then generate every kind of task. Deterministic for a seed. Tasks are
 * candidates: run the validator before using them.
 */
export async function buildBuiltinTasks(
  sandbox: SandboxRunner,
  options: BuildOptions,
): Promise<{ tasks: Task[]; reports: ProjectReport[] }> {
  const projects = options.projects ?? CORPUS;
  const splits = assignSplits(
    projects.map((p) => p.name),
    options.seed,
  );
  const tasks: Task[] = [];
  const reports: ProjectReport[] = [];
  for (const [i, project] of projects.entries()) {
    options.onProgress?.(i, projects.length, project.name);
    const rng = createRng(options.seed).fork(`project:${project.name}`);
    const maxMutants = options.maxMutants ?? 90;
    const analysis = await analyzeProject(
      project,
      sandbox,
      rng.fork('analysis'),
      maxMutants,
      [],
      options.testgenMutants ?? maxMutants * 2,
    );
    const split = splits.get(project.name) ?? 'train';
    const made = analysis.problem
      ? []
      : await projectTasks({ analysis, split, rng: rng.fork('tasks') }, sandbox);
    tasks.push(...made);
    reports.push({
      project: project.name,
      split,
      problem: analysis.problem,
      tried: analysis.tried,
      caught: analysis.mutants.length + analysis.testgenMutants.length,
      dropped: analysis.dropped,
      tasks: made.length,
    });
  }
  options.onProgress?.(projects.length, projects.length, '');
  return { tasks, reports };
}
