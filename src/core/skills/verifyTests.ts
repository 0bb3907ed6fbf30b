import { renderTests } from '../answers/testSource';
import type { Edit, TestCase } from '../answers/types';
import type { SandboxRunner } from '../sandbox/types';
import type { Task } from '../tasks/types';
import { probeCases, runCases, summary, tryApply } from './grading';
import { toRun, type GradeOptions, type GradingRun, type Verification } from './types';

/**
 * Unit-test generation: the tests (expected values stated, or recorded from the correct code)
 * must pass on the correct code and fail on every hidden mutant. With `untilDecided`, the
 * mutants run only while the reward can still be 1.
 */
export async function verifyTestgen(
  task: Task,
  cases: readonly TestCase[],
  sandbox: SandboxRunner,
  options: GradeOptions = {},
): Promise<Verification> {
  const mutants = task.hidden.mutants ?? [];
  const { outcomes, result: probe } = await probeCases(sandbox, task.files, cases);
  const runs: GradingRun[] = [
    // One probe test makes every case's call: its count is of probes, not of the answer's tests.
    toRun(
      `record expected values from the correct code (one probe test makes the calls of all ${cases.length} of your tests)`,
      probe,
      probe.verdict === 'pass',
    ),
  ];
  const onCorrect = await runCases(sandbox, task.files, cases, outcomes);
  const correctPasses = onCorrect.verdict === 'pass';
  runs.push(toRun('your tests on the correct code', onCorrect, correctPasses));
  const facts = [
    `On the correct code: ${summary(onCorrect)}${correctPasses ? '' : ' (they must all pass)'}.`,
  ];
  let killed = 0;
  let tried = 0;
  for (const m of mutants) {
    if (options.untilDecided === true && (!correctPasses || killed < tried)) break;
    const result = await runCases(sandbox, { ...task.files, [m.file]: m.content }, cases, outcomes);
    const caught = result.verdict !== 'pass';
    if (caught) killed++;
    tried++;
    runs.push(toRun(`your tests on mutant ${m.id} (${m.description})`, result, caught));
  }
  const skipped = mutants.length - tried;
  facts.push(
    skipped === 0
      ? `Hidden mutants caught: ${killed} of ${mutants.length}.`
      : `Hidden mutants caught: ${killed} of the ${tried} run; the other ${skipped} were not run, as the reward was already 0.`,
  );
  const reward = correctPasses && killed === mutants.length && mutants.length > 0 ? 1 : 0;
  facts.push(
    reward ? 'Reward 1: the tests pass on the correct code and catch every mutant.' : 'Reward 0.',
  );
  return {
    reward,
    valid: true,
    facts,
    runs,
    secondary: skipped === 0 ? { mutationScore: mutants.length ? killed / mutants.length : 0 } : {},
    rendering: { tests: renderTests(cases, outcomes) },
  };
}

/**
 * Issue reproduction: the test must fail on the buggy code and pass once the gold fix is in.
 * With `untilDecided`, a test that passes on the buggy code is not run on the fixed code.
 */
export async function verifyReproduction(
  task: Task,
  cases: readonly TestCase[],
  sandbox: SandboxRunner,
  options: GradeOptions = {},
): Promise<Verification> {
  const fixed = { ...task.files, ...(task.hidden.fixedFiles ?? {}) };
  const onBuggy = await runCases(sandbox, task.files, cases);
  const failsOnBuggy = onBuggy.verdict !== 'pass';
  const facts = [
    `On the buggy code: ${summary(onBuggy)}${failsOnBuggy ? ' (it fails, as a reproduction must).' : ' (it should fail).'}`,
  ];
  const runs = [toRun('your test on the buggy code', onBuggy, failsOnBuggy)];
  const secondary: Record<string, number> = { failsOnBuggy: failsOnBuggy ? 1 : 0 };
  // Until decided, a test that passes on the buggy code has reward 0 whatever the fix does.
  if (failsOnBuggy || options.untilDecided !== true) {
    const onFixed = await runCases(sandbox, fixed, cases);
    const passesOnFixed = onFixed.verdict === 'pass';
    facts.push(
      `With the gold fix: ${summary(onFixed)}${passesOnFixed ? '.' : ' (it should pass).'}`,
    );
    runs.push(toRun('your test with the gold fix', onFixed, passesOnFixed));
    secondary.passesOnFixed = passesOnFixed ? 1 : 0;
  } else facts.push('Not run with the gold fix, as the reward was already 0.');
  const reward = failsOnBuggy && secondary.passesOnFixed === 1 ? 1 : 0;
  facts.push(reward ? 'Reward 1: the test reproduces the issue.' : 'Reward 0.');
  return { reward, valid: true, facts, runs, secondary, rendering: { tests: renderTests(cases) } };
}

/** Test-driven fixing: the agent's own reproduction must pass on the agent's fix. */
export async function verifyReproOnFix(
  task: Task,
  cases: readonly TestCase[],
  edits: readonly Edit[],
  sandbox: SandboxRunner,
): Promise<Verification> {
  const applied = tryApply(task.files, edits);
  if ('error' in applied) return { reward: 0, valid: true, facts: [], runs: [], secondary: {} };
  const result = await runCases(sandbox, applied.files, cases);
  const passes = result.verdict === 'pass';
  return {
    reward: passes ? 1 : 0,
    valid: true,
    facts: [
      `Your reproduction on your fix: ${summary(result)}${passes ? '.' : ' (it should pass).'}`,
    ],
    runs: [toRun('your reproduction on your fix', result, passes)],
    secondary: {},
  };
}
