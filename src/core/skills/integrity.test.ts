import { describe, expect, it } from 'vitest';
import { taskBed } from '../../cli/testFixtures';
import { createNodeSandbox } from '../../node/sandbox';
import { parseAnswer } from '../answers/text';
import { SandboxPoolError } from '../sandbox/poolError';
import type { Task } from '../tasks/types';
import { validateTask } from '../tasks/validate';
import { verifyAnswer, verifyGroup } from './verify';

const bed = taskBed();
const { sandbox } = bed;

// Review 41core finding 1: lines an answer inserts into the code under test that once forged
// the hidden tests' verdicts (reward 1 for a fix that fixes nothing).
const FORGERIES = [
  "const s = JSON.stringify; JSON.stringify = (v, ...r) => s(v && v.status === 'fail' ? { name: v.name, status: 'pass' } : v, ...r);",
  "it.only('fine', () => {});",
  "globalThis.it = (name) => test(name + '', () => {});",
  'Object.is = () => true;',
];

describe('grading integrity', () => {
  it('gives no reward to an edit that forges the verdict instead of fixing the code', async () => {
    const editing = bed.tasks.filter((t) => t.kind === 'editing').slice(0, 2);
    expect(editing).toHaveLength(2);
    for (const task of editing) {
      const file = task.space.files[0]!;
      // The gold fix earns 1; the forgeries (alone, the bug left in) earn 0.
      expect((await verifyAnswer(task, task.gold, sandbox)).reward).toBe(1);
      for (const line of FORGERIES) {
        const answer = parseAnswer(`INSERT ${file} 1 | ${line}`);
        const verdict = await verifyAnswer(task, answer, sandbox);
        expect([task.id, line, verdict.reward]).toEqual([task.id, line, 0]);
      }
    }
  });

  it('refuses a task whose localization label or reference tests cannot be right (imported suites)', async () => {
    const localization = bed.tasks.find((t) => t.kind === 'localization')!;
    expect(await validateTask(localization, sandbox)).toEqual({ ok: true });
    const other = Object.keys(localization.files).find(
      (f) => !(localization.gold.kind === 'files' && localization.gold.files.includes(f)),
    )!;
    const mislabelled: Task = { ...localization, gold: { kind: 'files', files: [other] } };
    const refused = await validateTask(mislabelled, sandbox);
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.reason).toMatch(new RegExp(`^the gold names ${other} but the fix changes `));
    const testgen = bed.tasks.find((t) => t.kind === 'testgen')!;
    expect(await validateTask(testgen, sandbox)).toEqual({ ok: true });
    // Reference tests that always fail "catch" every mutant.
    const failing: Task = {
      ...testgen,
      hidden: {
        ...testgen.hidden,
        tests: Object.fromEntries(
          Object.keys(testgen.hidden.tests).map((f) => [
            f,
            "test('never', () => { expect(1).toBe(2); });",
          ]),
        ),
      },
    };
    expect(await validateTask(failing, sandbox)).toEqual({
      ok: false,
      reason: 'the reference tests fail on the correct code',
    });
  });

  it('stops, rather than grading reward 0, when the sandbox pool itself has failed', async () => {
    const task = bed.tasks.find((t) => t.kind === 'editing')!;
    const gone = createNodeSandbox({ size: 1 });
    await gone.dispose();
    await expect(verifyAnswer(task, task.gold, gone)).rejects.toThrow(SandboxPoolError);
    await expect(verifyGroup(task, [task.gold, task.gold], gone)).rejects.toThrow(SandboxPoolError);
    // Nor is a task marked invalid for it: a suite built on would be cached without it.
    await expect(validateTask(task, gone)).rejects.toThrow(SandboxPoolError);
  });
});
