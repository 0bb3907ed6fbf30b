import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../core/answers/types';
import { CORPUS } from '../core/corpus';
import { verifyAnswer } from '../core/skills/verify';
import { buildBuiltinTasks } from '../core/tasks/build';
import type { Task } from '../core/tasks/types';
import { createNodeSandbox } from '../node/sandbox';
import { bugCatalog, decomposeBug } from './decompose';
import { learnerVerdict, localizationFact } from './verdict';

const sandbox = createNodeSandbox({ size: 2 });
afterAll(() => sandbox.dispose());

let tasks: Task[] = [];
beforeAll(async () => {
  const projects = CORPUS.filter((p) => p.name === 'money');
  ({ tasks } = await buildBuiltinTasks(sandbox, { seed: 1, projects, maxMutants: 6 }));
}, 120_000);

const full = (id: string): Task => tasks.find((t) => t.id === id)!;
const goldFiles = (task: Task): string[] => (task.gold.kind === 'files' ? task.gold.files : []);

/** Every fact and run of a verdict as one text, to look for what must not be in it. */
const said = (v: { facts: string[]; runs: { purpose: string }[] }): string =>
  [...v.facts, ...v.runs.map((r) => r.purpose)].join('\n');

describe('a verdict on the Learn page gives nothing away before the gold answer is asked for', () => {
  it('a wrong file says the fix changes another, without naming it', async () => {
    const bug = decomposeBug(tasks, bugCatalog(tasks)[0]!.id)!;
    const task = full(bug.localization.id);
    const gold = goldFiles(task);
    const wrong = task.space.files.find((f) => !gold.includes(f))!;
    const answer: Answer = { kind: 'files', files: [wrong] };
    const raw = await verifyAnswer(task, answer, sandbox);
    expect(said(raw), 'the verifier itself names the gold files').toContain(gold[0]!);
    const shown = learnerVerdict(task, answer, raw);
    for (const f of gold) expect(said(shown)).not.toContain(f);
    expect(shown.facts[0]).toBe(
      `Named: ${wrong}. It is not a file the fix changes; the fix also changes 1 file not named (“Show the gold answer” names it).`,
    );
    expect(shown.reward).toBe(0);
    expect(shown.secondary).toEqual(raw.secondary);

    // The right file and a wrong one: partly right, nothing missing.
    const both: Answer = { kind: 'files', files: [gold[0]!, wrong] };
    const partial = learnerVerdict(task, both, await verifyAnswer(task, both, sandbox));
    expect(partial.facts[0]).toContain(
      '1 of the 2 named files is changed by the fix; no file the fix changes is missing.',
    );
  });

  it('bug fixing with the wrong file does not name the right one either', async () => {
    const bug = decomposeBug(tasks, bugCatalog(tasks)[0]!.id)!;
    const task = full(bug.bugfix.id);
    const gold = goldFiles(full(bug.localization.id));
    const wrong = task.space.files.find((f) => !gold.includes(f))!;
    const edits = full(bug.editing.id).gold;
    const answer: Answer = { kind: 'steps', steps: [{ kind: 'files', files: [wrong] }, edits] };
    const raw = await verifyAnswer(task, answer, sandbox);
    const shown = learnerVerdict(task, answer, raw);
    expect(shown.facts[0]).toContain('the fix also changes 1 file not named');
    expect(shown.facts[0]).not.toContain(gold[0]!);
    expect(shown.facts.slice(1)).toEqual(raw.facts.slice(1));
  });

  it('a review verdict does not state the label; unit tests do not describe the mutants', async () => {
    const review = tasks.find((t) => t.kind === 'review')!;
    const wrongSay = review.hidden.label === 'YES' ? 'NO' : 'YES';
    const answer: Answer = { kind: 'verdict', verdict: wrongSay };
    const raw = await verifyAnswer(review, answer, sandbox);
    expect(said(raw)).toContain('label');
    const shown = learnerVerdict(review, answer, raw);
    expect(said(shown)).not.toContain('label');
    expect(shown.facts[0]).toBe(
      `You said ${wrongSay}; the hidden tests, run on this patch, say otherwise.`,
    );

    const testgen = tasks.find((t) => t.kind === 'testgen' && (t.hidden.mutants ?? []).length)!;
    const tests = testgen.gold;
    const graded = learnerVerdict(testgen, tests, await verifyAnswer(testgen, tests, sandbox));
    const mutants = testgen.hidden.mutants!;
    for (const m of mutants) {
      expect(said(graded)).not.toContain(m.description);
      expect(said(graded)).not.toContain(m.id);
    }
    expect(said(graded)).toContain(`your tests on hidden mutant 1 of ${mutants.length}`);
  }, 60_000);

  it('words the named files in numbers', () => {
    expect(localizationFact(['a.js'], ['a.js'])).toBe(
      'Named: a.js. It is a file the fix changes; no file the fix changes is missing.',
    );
    expect(localizationFact(['a.js'], ['a.js', 'b.js'])).toBe(
      'Named: a.js. It is a file the fix changes; the fix also changes 1 file not named (“Show the gold answer” names it).',
    );
    expect(localizationFact(['c.js', 'd.js'], ['a.js'])).toBe(
      'Named: c.js, d.js. None of the 2 is a file the fix changes; the fix also changes 1 file not named (“Show the gold answer” names it).',
    );
    expect(localizationFact(['a.js', 'b.js', 'c.js'], ['a.js', 'b.js'])).toBe(
      'Named: a.js, b.js, c.js. 2 of the 3 named files are changed by the fix; no file the fix changes is missing.',
    );
  });
});
