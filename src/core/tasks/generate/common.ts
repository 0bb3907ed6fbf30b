import type { Outcome } from '../../answers/testSource';
import { hashString, type Rng } from '../../rng';
import { writeIssue } from '../issueText';
import type { AnalyzedMutant, InputCall, ProjectAnalysis } from '../analyze';
import { describeOutcome } from '../outcomes';
import type { Split, Task, TaskKind } from '../types';

/** What a generator gets: one analysed project, the split it belongs to, a seeded stream. */
export interface GenContext {
  analysis: ProjectAnalysis;
  split: Split;
  rng: Rng;
}

/** An issue written from one input that behaves differently on the buggy code. */
export interface WrittenIssue {
  title: string;
  body: string;
  input: InputCall;
  /** The correct outcome's literal source. */
  expected: string;
  observed: Outcome | null;
  inputIndex: number;
}

export const callText = (c: InputCall): string => `${c.fn}(${c.args.join(', ')})`;

/**
 * Writes an issue for a set of buggy outcomes: picks (seeded) one pool input whose outcome
 * differs from the correct code's and has a value to expect. Null when there is none.
 */
export function issueFrom(
  a: ProjectAnalysis,
  outcomes: readonly (Outcome | null)[],
  differs: readonly number[],
  rng: Rng,
): WrittenIssue | null {
  const usable = differs.filter((i) => {
    const c = a.correct[i];
    return c !== null && c !== undefined && 'value' in c;
  });
  if (usable.length === 0) return null;
  const inputIndex = rng.pick(usable);
  const input = a.pool[inputIndex]!;
  const correct = a.correct[inputIndex] as { value: string };
  const observed = outcomes[inputIndex] ?? null;
  const { title, body } = writeIssue(
    {
      project: a.project.name,
      module: input.module,
      fn: input.fn,
      call: callText(input),
      expected: correct.value,
      observed: describeOutcome(observed),
    },
    rng,
  );
  return { title, body, input, expected: correct.value, observed, inputIndex };
}

export const mutantIssue = (a: ProjectAnalysis, m: AnalyzedMutant, rng: Rng): WrittenIssue | null =>
  issueFrom(a, m.outcomes, m.differs, rng);

/** A stable id: kind, project and a hash of what makes the task unique. */
export function taskId(kind: TaskKind, project: string, key: string): string {
  return `${kind}:${project}:${hashString(`${kind}|${project}|${key}`).toString(36)}`;
}

/**
 * The project a task id made by {@link taskId} names (built-in tasks, and imported ones, whose
 * project is their record), or null for an id of another form.
 */
export function projectOfTaskId(id: string): string | null {
  const parts = id.split(':');
  return parts.length === 3 && parts[1] ? parts[1] : null;
}

/** Fields every built-in task shares. */
export function baseTask(
  ctx: GenContext,
  kind: TaskKind,
  key: string,
): Pick<Task, 'id' | 'kind' | 'split' | 'project' | 'origin'> {
  const project = ctx.analysis.project.name;
  return { id: taskId(kind, project, key), kind, split: ctx.split, project, origin: 'builtin' };
}

/** The project's files with one or more mutants laid in (the buggy repository). */
export function buggyFiles(
  a: ProjectAnalysis,
  mutants: readonly AnalyzedMutant[],
): Record<string, string> {
  const files = { ...a.project.files };
  for (const m of mutants) files[m.file] = m.content;
  return files;
}

/** The reference test files: hidden tests for bug-type tasks. */
export function referenceTests(a: ProjectAnalysis): Record<string, string> {
  return Object.fromEntries(a.tests.map((t) => [t, a.project.files[t]!]));
}
