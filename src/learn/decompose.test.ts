import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../core/answers/types';
import { CORPUS } from '../core/corpus';
import { verifyAnswer } from '../core/skills/verify';
import { buildBuiltinTasks } from '../core/tasks/build';
import type { Task } from '../core/tasks/types';
import { createNodeSandbox } from '../node/sandbox';
import { bugCatalog, decomposeBug, playTask } from './decompose';

const sandbox = createNodeSandbox({ size: 2 });
afterAll(() => sandbox.dispose());

let tasks: Task[] = [];
beforeAll(async () => {
  const projects = CORPUS.filter((p) => p.name === 'money');
  ({ tasks } = await buildBuiltinTasks(sandbox, { seed: 1, projects, maxMutants: 10 }));
}, 120_000);

describe('a bug decomposed into the tasks made from it', () => {
  it('lists each bug with a bug-fixing, a localization and an editing task, once', () => {
    const bugs = bugCatalog(tasks);
    expect(bugs.length).toBeGreaterThan(0);
    expect(new Set(bugs.map((b) => b.id)).size).toBe(bugs.length);
    const fixes = tasks.filter((t) => t.kind === 'bugfix');
    for (const b of bugs) {
      const fix = fixes.find((t) => t.id === b.id)!;
      expect(fix, b.id).toBeDefined();
      expect(b.title).toBe(fix.prompt.title);
      expect(b.skills).toBeGreaterThanOrEqual(2);
    }
  });

  it('tells apart, in the list, different bugs whose issues have the same title', () => {
    const [first] = bugCatalog(tasks);
    const group = tasks.filter(
      (t) => t.meta.mutation === tasks.find((x) => x.id === first!.id)!.meta.mutation,
    );
    // A second mutation of the same function whose issue got the same title (the quick suite
    // has two "Regression: toCents returns wrong results"), with another call in its issue.
    const twin = group.map((t) => ({
      ...t,
      id: `${t.id}-twin`,
      meta: { ...t.meta, mutation: 'twin@1:x', call: 'twin(1)' },
    }));
    const bugs = bugCatalog([...tasks, ...twin]);
    const same = bugs.filter((b) => b.title === first!.title);
    expect(same.length).toBe(2);
    expect(new Set(same.map((b) => b.listTitle)).size, 'shown apart').toBe(2);
    expect(same.map((b) => b.listTitle)).toContain(`${first!.title} — twin(1)`);
    expect(new Set(bugs.map((b) => b.listTitle)).size, 'every entry distinct').toBe(bugs.length);
    // A title no other bug has is shown as it is.
    expect(bugCatalog(tasks).every((b) => b.listTitle === b.title)).toBe(true);
  });

  it('finds the atomic tasks of the same bug: same buggy files, same issue', () => {
    const [first] = bugCatalog(tasks);
    const bug = decomposeBug(tasks, first!.id)!;
    expect(bug.localization.files).toEqual(bug.bugfix.files);
    expect(bug.editing.files).toEqual(bug.bugfix.files);
    expect(bug.localization.prompt).toEqual(bug.bugfix.prompt);
    expect(bug.review.length).toBeGreaterThan(0);
    for (const r of bug.review) expect(r.patch, 'a review task shows its patch').toBeTruthy();
    if (bug.testgen) expect(bug.testgen.focus?.fn).toBe(bug.editing.focus?.fn);
    expect(decomposeBug(tasks, 'bugfix:nowhere:0')).toBeNull();
    expect(decomposeBug(tasks, bug.localization.id), 'only a bug-fixing id names a bug').toBeNull();
  });

  it('sends no gold answer or hidden material to the page', () => {
    const task = tasks.find((t) => t.kind === 'review')!;
    const shown = playTask(task) as unknown as Record<string, unknown>;
    expect(shown.gold).toBeUndefined();
    expect(shown.hidden).toBeUndefined();
    expect(shown.meta).toBeUndefined();
    expect(JSON.stringify(shown)).not.toContain('"label"');
    // A whole bug as the page gets it: no task in it carries hidden material.
    for (const b of bugCatalog(tasks)) {
      const sent = JSON.stringify(decomposeBug(tasks, b.id));
      for (const field of ['"gold"', '"hidden"', '"meta"', '"label"', '"mutants"'])
        expect(sent, `${b.id} ${field}`).not.toContain(field);
    }
  });

  it('grades bug fixing as its two skills: the atomic gold answers, joined, fix the bug', async () => {
    const bugs = bugCatalog(tasks).slice(0, 3);
    for (const b of bugs) {
      const bug = decomposeBug(tasks, b.id)!;
      const full = (id: string) => tasks.find((t) => t.id === id)!;
      const files = full(bug.localization.id).gold;
      const edits = full(bug.editing.id).gold;
      expect((await verifyAnswer(full(bug.localization.id), files, sandbox)).reward).toBe(1);
      expect((await verifyAnswer(full(bug.editing.id), edits, sandbox)).reward).toBe(1);
      const joined: Answer = { kind: 'steps', steps: [files, edits] };
      const composite = await verifyAnswer(full(bug.bugfix.id), joined, sandbox);
      expect(composite.reward, b.id).toBe(1);
      // The right edit after the wrong file: the composite fails on its first skill.
      const others = bug.bugfix.space.files.filter(
        (f) => !(files.kind === 'files' && files.files.includes(f)),
      );
      const wrong: Answer = {
        kind: 'steps',
        steps: [{ kind: 'files', files: [others[0]!] }, edits],
      };
      expect((await verifyAnswer(full(bug.bugfix.id), wrong, sandbox)).reward).toBe(0);
    }
  }, 60_000);
});
