import { describe, expect, it } from 'vitest';
import { taskBed } from '../../cli/testFixtures';
import type { Answer, TestCase } from '../answers/types';
import type { SandboxRunner, SandboxRunRequest } from '../sandbox/types';
import type { Task } from '../tasks/types';
import { stepsOf } from './shape';
import type { Verification } from './types';
import { verifyAnswer, verifyGroup } from './verify';

const bed = taskBed();
const { sandbox } = bed;

const casesOf = (a: Answer): TestCase[] =>
  stepsOf(a).flatMap((s) => (s.kind === 'tests' ? s.cases : []));
const tests = (cases: TestCase[]): Answer => ({ kind: 'tests', cases });

/** A sandbox that counts its runs (the real one does the work). */
function counting(inner: SandboxRunner): SandboxRunner & { runs: number } {
  const counted = {
    runs: 0,
    run: (request: SandboxRunRequest) => {
      counted.runs++;
      return inner.run(request);
    },
    dispose: () => Promise.resolve(),
  };
  return counted;
}

/** Grades an answer fully and until decided; checks what must hold between the two. */
async function both(
  task: Task,
  answer: Answer,
): Promise<{ full: Verification; cut: Verification }> {
  const full = await verifyAnswer(task, answer, sandbox);
  const cut = await verifyAnswer(task, answer, sandbox, { untilDecided: true });
  expect(cut.reward, task.id).toBe(full.reward);
  // The runs made are the full grading's first ones, with the same outcomes.
  const strip = (v: Verification) => v.runs.map((r) => [r.purpose, r.verdict, r.asRequired]);
  expect(strip(cut), task.id).toEqual(strip(full).slice(0, cut.runs.length));
  if (cut.runs.length < full.runs.length) {
    // It stopped right after the run that settled reward 0.
    expect(full.reward).toBe(0);
    expect(cut.runs.at(-1)!.asRequired).toBe(false);
    expect(cut.facts.join(' ')).toMatch(/not run.*, as the reward was already 0\./i);
  } else {
    expect(cut.facts).toEqual(full.facts);
    expect(cut.secondary).toEqual(full.secondary);
  }
  return { full, cut };
}

describe('grading until the reward is decided', () => {
  it('stops unit-test generation at the first surviving mutant, or before the mutants when the tests fail on the correct code, with the same reward', async () => {
    const testgen = bed.tasks.filter((t) => t.kind === 'testgen');
    expect(testgen.length).toBeGreaterThanOrEqual(3);
    let stoppedAmongMutants = 0;
    let stoppedBeforeMutants = 0;
    for (const task of testgen) {
      const gold = casesOf(task.gold);
      const mutants = task.hidden.mutants!.length;
      // The gold tests catch every mutant: nothing is skipped.
      const { cut: golden } = await both(task, task.gold);
      expect(golden.reward).toBe(1);
      expect(golden.runs).toHaveLength(2 + mutants);
      // Its first run is one probe test, however many tests the answer has: it says so.
      expect(golden.runs[0]!.tests).toHaveLength(1);
      expect(golden.runs[0]!.purpose).toBe(
        `record expected values from the correct code (one probe test makes the calls of all ${gold.length} of your tests)`,
      );
      // One case of the gold tests: it may let some mutant live.
      const { full, cut } = await both(task, tests(gold.slice(0, 1)));
      const firstSurvivor = full.runs.slice(2).findIndex((r) => !r.asRequired);
      if (firstSurvivor >= 0) {
        expect(cut.runs).toHaveLength(2 + firstSurvivor + 1);
        if (firstSurvivor < mutants - 1) {
          stoppedAmongMutants++;
          expect(cut.secondary.mutationScore).toBeUndefined();
          expect(full.secondary.mutationScore).toBeLessThan(1);
        }
      }
      // A wrong expected value fails on the correct code: no mutant is run.
      const wrong = await both(task, tests([{ ...gold[0]!, expect: '"not the value"' }]));
      expect(wrong.full.runs.length).toBe(2 + mutants);
      expect(wrong.cut.runs).toHaveLength(2);
      stoppedBeforeMutants++;
    }
    expect(stoppedAmongMutants).toBeGreaterThan(0);
    expect(stoppedBeforeMutants).toBeGreaterThan(0);
  }, 300_000);

  it('runs a reproduction that passes on the buggy code only there, with the same reward', async () => {
    const repro = bed.tasks.filter((t) => t.kind === 'reproduction');
    expect(repro.length).toBeGreaterThanOrEqual(3);
    // Other tasks' test cases with stated values: some pass on a task's buggy code too.
    const stated = bed.tasks.flatMap((t) => casesOf(t.gold)).filter((c) => c.expect !== undefined);
    let stopped = 0;
    for (const task of repro) {
      const { cut: golden } = await both(task, task.gold);
      expect(golden.reward).toBe(1);
      expect(golden.runs).toHaveLength(2);
      for (const c of stated.filter((x) => task.files[x.module] !== undefined).slice(0, 6)) {
        const { full, cut } = await both(task, tests([c]));
        if (full.runs[0]!.verdict === 'pass') {
          expect(cut.runs).toHaveLength(1);
          expect(cut.secondary).toEqual({ failsOnBuggy: 0 });
          stopped++;
        } else expect(cut.runs).toHaveLength(2);
      }
    }
    expect(stopped).toBeGreaterThan(0);
  }, 300_000);

  it('grades each distinct answer of a group once, sharing the verdict', async () => {
    const task = bed.tasks.find((t) => t.kind === 'testgen')!;
    const gold = casesOf(task.gold);
    const one = tests(gold.slice(0, 1));
    const group = [task.gold, one, structuredClone(task.gold), one, tests(gold.slice(0, 1))];
    const alone = await Promise.all(group.map((a) => verifyAnswer(task, a, sandbox)));
    const counted = counting(sandbox);
    const verdicts = await verifyGroup(task, group, counted);
    expect(verdicts.map((v) => v.reward)).toEqual(alone.map((v) => v.reward));
    expect(verdicts[2]).toBe(verdicts[0]);
    expect(verdicts[3]).toBe(verdicts[1]);
    expect(verdicts[4]).toBe(verdicts[1]);
    const once = counting(sandbox);
    await verifyAnswer(task, task.gold, once);
    await verifyAnswer(task, one, once);
    expect(counted.runs).toBe(once.runs);
  }, 120_000);
});
