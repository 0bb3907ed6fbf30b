import { afterAll, describe, expect, it } from 'vitest';
import { createNodeSandbox } from '../node/sandbox';
import { CORPUS } from '../core/corpus';
import { createRng } from '../core/rng';
import { randomAnswer } from '../core/skills/randomAnswer';
import { verifyAnswer } from '../core/skills/verify';
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
  }, 120_000);
});
