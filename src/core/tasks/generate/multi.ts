import type { Answer } from '../../answers/types';
import type { SandboxRunner } from '../../sandbox/types';
import { probeCases, runHidden } from '../../skills/grading';
import type { AnalyzedMutant } from '../analyze';
import { distinguishing } from '../outcomes';
import { emptySpace, EDIT_VOCABULARY, tokenTexts, uniq } from '../space';
import type { Task } from '../types';
import { baseTask, buggyFiles, issueFrom, referenceTests, type GenContext } from './common';
import { diffFiles } from '../../vfs';

/** Pairs of token-fixable mutants in two different files, sampled with the seeded stream. */
function pairs(ctx: GenContext, max: number): [AnalyzedMutant, AnalyzedMutant][] {
  const fixable = ctx.analysis.mutants.filter((m) => m.fixEdits);
  const out: [AnalyzedMutant, AnalyzedMutant][] = [];
  const all: [AnalyzedMutant, AnalyzedMutant][] = [];
  for (let i = 0; i < fixable.length; i++) {
    for (let j = i + 1; j < fixable.length; j++) {
      if (fixable[i]!.file !== fixable[j]!.file) all.push([fixable[i]!, fixable[j]!]);
    }
  }
  for (const p of ctx.rng.shuffle(all)) if (out.length < max) out.push(p);
  return out;
}

/**
 * Two-file bugs: multi-file bug fixing, two-file localization, and a review pair (the full fix,
 * and a partial fix of one file, labelled by execution).
 */
export async function multiFileTasks(
  ctx: GenContext,
  sandbox: SandboxRunner,
  max = 14,
): Promise<Task[]> {
  const a = ctx.analysis;
  const tasks: Task[] = [];
  for (const [m1, m2] of pairs(ctx, max)) {
    const buggy = buggyFiles(a, [m1, m2]);
    const onBuggy = await runHidden(
      sandbox,
      { hidden: { tests: referenceTests(a) } } as Task,
      buggy,
    );
    if (onBuggy.verdict === 'pass' || onBuggy.label === 'timeout') continue;
    const probe = await probeCases(sandbox, buggy, a.pool);
    const issue = issueFrom(a, probe.outcomes, distinguishing(a.correct, probe.outcomes), ctx.rng);
    if (!issue) continue;
    const key = `${m1.id}+${m2.id}`;
    const changed = [m1.file, m2.file].sort();
    const located: Answer = { kind: 'files', files: changed };
    const fix: Answer = { kind: 'edits', edits: [...(m1.fixEdits ?? []), ...(m2.fixEdits ?? [])] };
    const fixedFiles = {
      [m1.file]: a.project.files[m1.file]!,
      [m2.file]: a.project.files[m2.file]!,
    };
    const hidden = { tests: referenceTests(a), fixedFiles };
    const prompt = { title: issue.title, body: issue.body };
    const allFiles = Object.keys(buggy).sort();
    const meta = {
      mutations: [m1.id, m2.id],
      files: changed,
      call: `${issue.input.fn}(${issue.input.args.join(', ')})`,
    };
    tasks.push(
      {
        ...baseTask(ctx, 'localization', key),
        prompt,
        files: buggy,
        gold: located,
        hidden,
        space: { ...emptySpace(), files: allFiles },
        meta,
      },
      {
        ...baseTask(ctx, 'bugfix-multi', key),
        prompt,
        files: buggy,
        gold: { kind: 'steps', steps: [located, fix] },
        hidden,
        space: {
          ...emptySpace(),
          files: allFiles,
          maxEdits: 4,
          replacements: uniq([...EDIT_VOCABULARY, ...tokenTexts(changed.map((f) => buggy[f]!))]),
        },
        meta,
      },
    );
    const partial = { ...buggy, [m1.file]: a.project.files[m1.file]! };
    for (const [type, after] of [
      ['gold', { ...buggy, ...fixedFiles }],
      ['partial', partial],
    ] as const) {
      const run = await runHidden(sandbox, { hidden } as Task, after);
      const label = run.verdict === 'pass' ? 'YES' : 'NO';
      tasks.push({
        ...baseTask(ctx, 'review', `${key}|${type}`),
        prompt,
        files: buggy,
        patch: diffFiles(buggy, after),
        gold: { kind: 'verdict', verdict: label },
        hidden: { ...hidden, fixedFiles: after, label },
        space: { ...emptySpace(), files: allFiles },
        meta: { ...meta, candidate: type },
      });
    }
  }
  return tasks;
}
