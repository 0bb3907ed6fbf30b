import { afterAll, describe, expect, it } from 'vitest';
import { createNodeSandbox } from '../node/sandbox';
import { CORPUS } from '../core/corpus';
import { createRng } from '../core/rng';
import { randomAnswer } from '../core/skills/randomAnswer';
import { applyEdits } from '../core/answers/apply';
import { stepsOf } from '../core/skills/shape';
import { verifyAnswer } from '../core/skills/verify';
import { applyPatch } from '../core/vfs/patch';
import { createSnapshot } from '../core/vfs/snapshot';
import { createGrammar } from '../policy/encode/grammar';
import { encodeTask } from '../policy/encode/observation';
import { vocabularyFromWords, SPECIAL_TOKENS, ACTION_WORDS } from '../policy/encode/vocab';
import { buildBuiltinTasks } from '../core/tasks/build';
import { ATOMIC_SKILLS } from '../core/tasks/types';
import { validateTask } from '../core/tasks/validate';

const sandbox = createNodeSandbox({ size: 2 });
afterAll(() => sandbox.dispose());

describe('built-in tasks from one real corpus project', () => {
  it('builds every atomic skill, validates by execution, and grades oracle 1 and random answers', async () => {
    const project = CORPUS.find((p) => p.name === 'money')!;
    const { tasks, reports } = await buildBuiltinTasks(sandbox, {
      seed: 3,
      projects: [project],
      maxMutants: 12,
    });
    expect(reports[0]?.problem).toBeNull();
    const valid = [];
    for (const t of tasks) if ((await validateTask(t, sandbox)).ok) valid.push(t);
    expect(valid.length / tasks.length).toBeGreaterThan(0.9);
    for (const skill of ATOMIC_SKILLS) expect(valid.some((t) => t.kind === skill)).toBe(true);
    const rng = createRng(1);
    const vocab = vocabularyFromWords([...new Set([...SPECIAL_TOKENS, ...ACTION_WORDS])]);
    let decodable = 0;
    for (const t of valid.slice(0, 40)) {
      const random = await verifyAnswer(t, randomAnswer(t, rng), sandbox);
      expect(random.valid).toBe(true);
      const grammar = createGrammar(t, encodeTask(t, vocab), vocab);
      const actions = grammar.fromAnswer(t.gold);
      if (actions) {
        decodable++;
        expect(grammar.toAnswer(actions)).toEqual(t.gold);
        actions.forEach((a, i) => expect(grammar.allowed(actions.slice(0, i))).toContain(a));
        expect(grammar.allowed(actions)).toBeNull();
      }
    }
    expect(decodable).toBeGreaterThan(10);

    // The gold answer's rendering, as the sandbox ran it: its edits as a unified diff that a
    // patch tool applies to the task's files to give the edited files; its cases as a test file.
    const kinds = new Set(valid.map((t) => t.kind));
    for (const kind of kinds) {
      const t = valid.find((x) => x.kind === kind)!;
      const verdict = await verifyAnswer(t, t.gold, sandbox);
      expect(verdict.reward, kind).toBe(1);
      const edits = stepsOf(t.gold).flatMap((a) => (a.kind === 'edits' ? a.edits : []));
      const cases = stepsOf(t.gold).flatMap((a) => (a.kind === 'tests' ? a.cases : []));
      const { patch, tests } = verdict.rendering ?? {};
      if (edits.length) {
        const patched = applyPatch(createSnapshot(t.files), patch ?? '');
        expect(patched.ok, kind).toBe(true);
        if (patched.ok)
          expect(patched.snapshot.toRecord(), kind).toEqual(applyEdits(t.files, edits));
        expect(patch, kind).toMatch(/^diff --git a\/\S+ b\/\S+\n--- a\/.*\n\+\+\+ b\//);
      } else expect(patch, kind).toBeUndefined();
      if (cases.length) {
        expect(tests, kind).toContain(`import { ${cases[0]!.fn}`);
        expect(tests!.match(/^it\(/gm), kind).toHaveLength(cases.length);
      } else expect(tests, kind).toBeUndefined();
    }
    expect(kinds.size).toBeGreaterThanOrEqual(ATOMIC_SKILLS.length);
  }, 120_000);
});
