import { parseLiteralCall } from '../answers/literals';
import type { Edit } from '../answers/types';
import { tokenize } from '../js/tokens';
import { createRng } from '../rng';
import type { SandboxRunner } from '../sandbox/types';
import { GRADE_LIMITS, probeCases } from '../skills/grading';
import { analyzeProject, type AnalyzedMutant, type ProjectAnalysis } from './analyze';
import { singleMutantTasks } from './generate/bugTasks';
import type { GenContext } from './generate/common';
import { reviewTasks } from './generate/review';
import { testgenTasks } from './generate/testgen';
import type { ImportedProject } from './humanEval';
import { distinguishing } from './outcomes';
import { EDIT_VOCABULARY, tokenTexts, uniq } from './space';
import { fixEditsBetween } from './tokenFix';
import type { Task, TaskKind } from './types';

/** Index just after the bracket that closes the one at `open` (strings skipped), or -1. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'" || c === '`') {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/**
 * Calls of `fn` with literal arguments written anywhere in `source`, e.g. in HumanEval's doc
 * comments (`>>> round(findZero([1, 2]), 2)`, `isNested('[[]]') ➞ true`), which are not JSDoc
 * examples.
 */
export function literalCallsIn(source: string, fn: string): string[][] {
  const out: string[][] = [];
  const name = fn.replace(/\$/g, '\\$');
  for (const m of source.matchAll(new RegExp(`(?<![\\w$.])${name}\\s*\\(`, 'g'))) {
    const end = closing(source, m.index + m[0].length - 1);
    if (end < 0) continue;
    try {
      out.push(parseLiteralCall(source.slice(m.index, end)).args);
    } catch {
      // Not a call with literal arguments.
    }
  }
  return out;
}

/** Tokens an edit of `source` may write: the edit vocabulary and the file's own tokens. */
function writableIn(source: string): (token: string) => boolean {
  const allowed = new Set([...EDIT_VOCABULARY, ...tokenTexts([source])]);
  return (token) => allowed.has(token);
}

/** The first and last line of `source` that edits touch. */
function editedLines(source: string, edits: readonly Edit[]): [number, number] {
  let tokens: ReturnType<typeof tokenize> | null = null;
  const lines = edits.map((e) =>
    e.op === 'replace' ? ((tokens ??= tokenize(source))[e.token]?.line ?? 1) : e.line,
  );
  return [Math.min(...lines), Math.max(...lines)];
}

/** The dataset's own buggy solution as a mutant of the analysed project. */
async function knownBug(
  a: ProjectAnalysis,
  p: ImportedProject,
  sandbox: SandboxRunner,
): Promise<AnalyzedMutant | string> {
  const files = { ...p.files, [p.module]: p.buggy };
  const run = await sandbox.run({ files, ...GRADE_LIMITS });
  if (run.verdict === 'pass') return 'the buggy solution passes the tests';
  const probe = await probeCases(sandbox, files, a.pool);
  const fixEdits = fixEditsBetween(p.module, p.buggy, p.files[p.module]!, {
    writable: writableIn(p.buggy),
  });
  return {
    id: 'humanevalfix',
    file: p.module,
    operator: 'dataset',
    description: `the dataset's buggy solution of ${p.taskId}`,
    line: fixEdits ? editedLines(p.buggy, fixEdits)[0] : 1,
    functionName: p.entry,
    content: p.buggy,
    failingTests: run.tests.filter((t) => t.status === 'fail').map((t) => `${t.file} > ${t.name}`),
    security: false,
    fixEdits,
    outcomes: probe.outcomes,
    differs: distinguishing(a.correct, probe.outcomes),
  };
}

/** A record that gave no tasks, or none of one kind (`kind`: that kind's alone). */
export interface ImportProblem {
  project: string;
  reason: string;
  kind?: TaskKind;
}

/**
 * Tasks from imported HumanEvalPack projects: for the dataset's bug, localization, editing,
 * reproduction, review and bug fixing; unit-test generation against AST mutants of the entry
 * point (`maxMutants` tried per project, default 40). All go to the `test` split and carry
 * origin `humanevalpack`.
 */
export async function importedTasks(
  projects: readonly ImportedProject[],
  sandbox: SandboxRunner,
  seed: number,
  options: {
    maxMutants?: number;
    /** Called before each record (and once all are done): a throw from it stops the making. */
    onRecord?: (done: number, total: number) => void;
  } = {},
): Promise<{ tasks: Task[]; problems: ImportProblem[] }> {
  const tasks: Task[] = [];
  const problems: ImportProblem[] = [];
  for (const [i, p] of projects.entries()) {
    options.onRecord?.(i, projects.length);
    try {
      tasks.push(...(await tasksForProject(p, sandbox, seed, problems, options.maxMutants ?? 40)));
    } catch (error) {
      // One record's odd code (e.g. a buggy solution that does not parse) must not stop the rest.
      problems.push({
        project: p.name,
        reason: `could not generate tasks: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }
  options.onRecord?.(projects.length, projects.length);
  return { tasks, problems };
}

/**
 * Where the gold fix inserts lines, the editing-like tasks offer them (and, as distractors, the
 * lines it deletes) as the lines an INSERT may add; a fix over several lines names them all.
 */
function withLineFix(task: Task, bug: AnalyzedMutant): Task {
  const edits = bug.fixEdits ?? [];
  if ((task.kind !== 'editing' && task.kind !== 'bugfix') || edits.length === 0) return task;
  const inserted = edits.flatMap((e) => (e.op === 'insert' ? [e.text] : []));
  const lines = bug.content.split('\n');
  const deleted = edits.flatMap((e) =>
    e.op === 'delete' ? [(lines[e.line - 1] ?? '').trimEnd()] : [],
  );
  const space =
    inserted.length > 0
      ? { ...task.space, insertLines: uniq([...task.space.insertLines, ...inserted, ...deleted]) }
      : task.space;
  const [first, last] = editedLines(bug.content, edits);
  if (task.kind !== 'editing' || first === last) return { ...task, space };
  const where = `\`${bug.functionName}\` in ${bug.file}`;
  return {
    ...task,
    space,
    prompt: {
      title: `Edit ${bug.functionName}, lines ${first}-${last}`,
      body: `Lines ${first}-${last} of ${where} do the wrong thing; make them match the documentation. Change only what is needed there; all tests must pass afterwards.`,
    },
    ...(task.focus ? { focus: { ...task.focus, startLine: first, endLine: last } } : {}),
  };
}

async function tasksForProject(
  p: ImportedProject,
  sandbox: SandboxRunner,
  seed: number,
  problems: ImportProblem[],
  maxMutants: number,
): Promise<Task[]> {
  const rng = createRng(seed).fork(p.name);
  const docInputs = literalCallsIn(p.files[p.module]!, p.entry).map((args) => ({
    module: p.module,
    fn: p.entry,
    args,
  }));
  const analysis = await analyzeProject(p, sandbox, rng.fork('analysis'), maxMutants, docInputs);
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
  let review: Task[] = [];
  try {
    review = await reviewTasks(ctx, bug, sandbox);
  } catch (error) {
    // E.g. a buggy solution that does not parse: no flawed candidate can be made from it.
    problems.push({
      project: p.name,
      reason: `no review tasks: ${error instanceof Error ? error.message : String(error)}`,
      kind: 'review',
    });
  }
  const made = [
    ...singleMutantTasks(ctx, bug).map((t) => withLineFix(t, bug)),
    ...review,
    ...analysis.exports.flatMap((e) => testgenTasks(ctx, e)),
  ].filter((t) => t.kind !== 'tdd-fix');
  if (!made.some((t) => t.kind === 'bugfix'))
    problems.push({
      project: p.name,
      reason: bug.fixEdits
        ? 'no input shows the bug with a value to expect'
        : 'the fix is not expressible as a few token or line edits',
      kind: 'bugfix',
    });
  return made.map((t) => ({
    ...t,
    origin: 'humanevalpack' as const,
    meta: { ...t.meta, source: p.taskId },
  }));
}
