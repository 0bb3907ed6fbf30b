import { diffFiles } from '../../vfs';
import type { SandboxRunner } from '../../sandbox/types';
import { runHidden } from '../../skills/grading';
import type { AnalyzedMutant } from '../analyze';
import { emptySpace } from '../space';
import type { Task } from '../types';
import { baseTask, buggyFiles, mutantIssue, referenceTests, type GenContext } from './common';
import { specialCase, weakenedTest, wrongPlace, type Candidate } from './reviewCandidates';

/**
 * Code review tasks for one mutant: the gold fix and one flawed candidate (wrong place, special
 * case or weakened test, chosen by the seeded stream). Labels come from running the hidden tests.
 */
export async function reviewTasks(
  ctx: GenContext,
  m: AnalyzedMutant,
  sandbox: SandboxRunner,
): Promise<Task[]> {
  const a = ctx.analysis;
  const issue = mutantIssue(a, m, ctx.rng);
  if (!issue) return [];
  const buggy = buggyFiles(a, [m]);
  const flawed = ctx.rng.shuffle([
    () => wrongPlace(a, m, buggy, ctx.rng),
    () => specialCase(a, issue, buggy),
    () => weakenedTest(m, buggy),
  ]);
  let bad: Candidate | null = null;
  for (const make of flawed) if (!bad) bad = make();
  const candidates: Candidate[] = [
    { type: 'gold', files: { ...buggy, [m.file]: a.project.files[m.file]! } },
  ];
  if (bad) candidates.push(bad);
  const tasks: Task[] = [];
  for (const c of candidates) {
    const hidden = { tests: referenceTests(a), fixedFiles: c.files };
    const run = await runHidden(sandbox, { hidden } as Task, c.files);
    const label = run.verdict === 'pass' ? 'YES' : 'NO';
    tasks.push({
      ...baseTask(ctx, 'review', `${m.id}|${c.type}`),
      prompt: { title: issue.title, body: issue.body },
      files: buggy,
      patch: diffFiles(buggy, c.files),
      gold: { kind: 'verdict', verdict: label },
      hidden: { ...hidden, label },
      space: { ...emptySpace(), files: Object.keys(buggy).sort() },
      meta: { mutation: m.id, candidate: c.type, file: m.file },
    });
  }
  return tasks;
}
