import type { BugSummary, BugTasks, PlayTask } from '../protocol/learn';
import type { Split, Task } from '../core/tasks/types';
import { gradingTests } from '../protocol/episodes';

/**
 * A task without its gold answer and hidden material: what the policy is shown, and the names of
 * the test files that grade it (whether each is shown).
 */
export function playTask(task: Task): PlayTask {
  return {
    id: task.id,
    kind: task.kind,
    split: task.split,
    project: task.project,
    prompt: task.prompt,
    files: task.files,
    ...(task.patch !== undefined ? { patch: task.patch } : {}),
    ...(task.focus ? { focus: task.focus } : {}),
    space: task.space,
    graders: gradingTests(task.files, task.hidden.tests),
  };
}

/** The bug a task was made from (built-in tasks of one mutation share it), or null. */
const mutationOf = (task: Task): string | null =>
  typeof task.meta.mutation === 'string' ? task.meta.mutation : null;

/** Tasks grouped by the bug they were made from: key `project|mutation`. */
function byBug(tasks: readonly Task[]): Map<string, Task[]> {
  const groups = new Map<string, Task[]>();
  for (const t of tasks) {
    const m = mutationOf(t);
    if (m === null) continue;
    const key = `${t.project}|${m}`;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  return groups;
}

/** Held-out bugs first: the test split is what no policy trained on. */
const SPLIT_ORDER: Record<Split, number> = { test: 0, val: 1, train: 2 };

/** The call an issue shows (`toCents('12')`), which tells apart bugs with the same title. */
const callOf = (task: Task): string | null =>
  typeof task.meta.call === 'string' ? task.meta.call : null;

/**
 * Each bug's title as the list shows it: a title several bugs share gets the call its issue
 * shows (never the file: finding it is the first skill), or a number when that is shared too.
 */
function labelled(
  bugs: Omit<BugSummary, 'listTitle'>[],
  fixes: ReadonlyMap<string, Task>,
): BugSummary[] {
  const count = (key: (b: Omit<BugSummary, 'listTitle'>) => string) => {
    const n = new Map<string, number>();
    for (const b of bugs) n.set(key(b), (n.get(key(b)) ?? 0) + 1);
    return n;
  };
  const byTitle = count((b) => b.title);
  const withCall = (b: Omit<BugSummary, 'listTitle'>): string => {
    const call = callOf(fixes.get(b.id)!);
    return call ? `${b.title} — ${call}` : b.title;
  };
  const byLabel = count(withCall);
  const seen = new Map<string, number>();
  return bugs.map((b) => {
    if (byTitle.get(b.title) === 1) return { ...b, listTitle: b.title };
    const label = withCall(b);
    if (byLabel.get(label) === 1) return { ...b, listTitle: label };
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    return { ...b, listTitle: `${label} (${n})` };
  });
}

/**
 * Every bug a person can play: a bug-fixing task with its localization and editing tasks (the
 * two skills bug fixing is made of), test split first, then by project and id.
 */
export function bugCatalog(tasks: readonly Task[]): BugSummary[] {
  const bugs: Omit<BugSummary, 'listTitle'>[] = [];
  const fixes = new Map<string, Task>();
  for (const group of byBug(tasks).values()) {
    const fix = group.find((t) => t.kind === 'bugfix');
    if (!fix || !group.some((t) => t.kind === 'localization')) continue;
    if (!group.some((t) => t.kind === 'editing')) continue;
    fixes.set(fix.id, fix);
    bugs.push({
      id: fix.id,
      project: fix.project,
      split: fix.split,
      title: fix.prompt.title,
      skills: group.filter((t) => t.kind !== 'bugfix' && t.kind !== 'tdd-fix').length,
    });
  }
  const sorted = bugs.sort(
    (a, b) =>
      SPLIT_ORDER[a.split] - SPLIT_ORDER[b.split] ||
      a.project.localeCompare(b.project) ||
      a.id.localeCompare(b.id),
  );
  return labelled(sorted, fixes);
}

/**
 * One bug decomposed into its tasks: bug fixing and test-driven fixing (the composites), and
 * localization, editing, reproduction, the review of each candidate patch, and unit-test
 * generation for the function the bug is in. Null when no bug-fixing task has this id.
 */
export function decomposeBug(tasks: readonly Task[], bugId: string): BugTasks | null {
  const fix = tasks.find((t) => t.id === bugId && t.kind === 'bugfix');
  const mutation = fix ? mutationOf(fix) : null;
  if (!fix || mutation === null) return null;
  const group = tasks.filter((t) => t.project === fix.project && mutationOf(t) === mutation);
  const one = (kind: Task['kind']): Task | undefined => group.find((t) => t.kind === kind);
  const localization = one('localization');
  const editing = one('editing');
  if (!localization || !editing) return null;
  const fn = editing.focus?.fn;
  const testgen = tasks
    .filter(
      (t) =>
        t.kind === 'testgen' &&
        t.project === fix.project &&
        t.focus?.file === editing.focus?.file &&
        fn !== undefined &&
        t.focus?.fn === fn,
    )
    .sort((a, b) => a.id.localeCompare(b.id))[0];
  const reproduction = one('reproduction');
  const tdd = one('tdd-fix');
  const summary = bugCatalog(group)[0]!;
  return {
    bug: summary,
    bugfix: playTask(fix),
    localization: playTask(localization),
    editing: playTask(editing),
    reproduction: reproduction ? playTask(reproduction) : null,
    tddFix: tdd ? playTask(tdd) : null,
    // Ids are hashes, so their order says nothing of which candidate is the gold fix.
    review: group
      .filter((t) => t.kind === 'review')
      .sort((a, b) => a.id.localeCompare(b.id))
      .map(playTask),
    testgen: testgen ? playTask(testgen) : null,
  };
}
