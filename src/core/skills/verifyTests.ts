import { renderTests } from '../answers/testSource';
import type { Edit, TestCase } from '../answers/types';
import type { SandboxRunner } from '../sandbox/types';
import type { Task } from '../tasks/types';
import { probeCases, runCases, summary, tryApply } from './grading';
import { toRun, type GradingRun, type Verification } from './types';

/**
 * Unit-test generation: the tests (expected values stated, or recorded from the correct code)
 * must pass on the correct code and fail on every hidden mutant.
 */
export async function verifyTestgen(
  task: Task,
  cases: readonly TestCase[],
  sandbox: SandboxRunner,
): Promise<Verification> {
  const mutants = task.hidden.mutants ?? [];
  const { outcomes, result: probe } = await probeCases(sandbox, task.files, cases);
  const runs: GradingRun[] = [
    toRun('record expected values from the correct code', probe, probe.verdict === 'pass'),
  ];
  const onCorrect = await runCases(sandbox, task.files, cases, outcomes);
  const correctPasses = onCorrect.verdict === 'pass';
  runs.push(toRun('your tests on the correct code', onCorrect, correctPasses));
  const facts = [
    `On the correct code: ${summary(onCorrect)}${correctPasses ? '' : ' (they must all pass)'}.`,
  ];
  let killed = 0;
  for (const m of mutants) {
    const result = await runCases(sandbox, { ...task.files, [m.file]: m.content }, cases, outcomes);
    const caught = result.verdict !== 'pass';
    if (caught) killed++;
    runs.push(toRun(`your tests on mutant ${m.id} (${m.description})`, result, caught));
  }
  facts.push(`Hidden mutants caught: ${killed} of ${mutants.length}.`);
  const reward = correctPasses && killed === mutants.length && mutants.length > 0 ? 1 : 0;
  facts.push(
    reward ? 'Reward 1: the tests pass on the correct code and catch every mutant.' : 'Reward 0.',
  );
  return {
    reward,
    valid: true,
    facts,
    runs,
    secondary: { mutationScore: mutants.length ? killed / mutants.length : 0 },
    rendering: { tests: renderTests(cases, outcomes) },
  };
}

/** Issue reproduction: the test must fail on the buggy code and pass once the gold fix is in. */
export async function verifyReproduction(
  task: Task,
  cases: readonly TestCase[],
  sandbox: SandboxRunner,
): Promise<Verification> {
  const fixed = { ...task.files, ...(task.hidden.fixedFiles ?? {}) };
  const onBuggy = await runCases(sandbox, task.files, cases);
  const onFixed = await runCases(sandbox, fixed, cases);
  const failsOnBuggy = onBuggy.verdict !== 'pass';
  const passesOnFixed = onFixed.verdict === 'pass';
  const reward = failsOnBuggy && passesOnFixed ? 1 : 0;
  return {
    reward,
    valid: true,
    facts: [
      `On the buggy code: ${summary(onBuggy)}${failsOnBuggy ? ' (it fails, as a reproduction must).' : ' (it should fail).'}`,
      `With the gold fix: ${summary(onFixed)}${passesOnFixed ? '.' : ' (it should pass).'}`,
      reward ? 'Reward 1: the test reproduces the issue.' : 'Reward 0.',
    ],
    runs: [
      toRun('your test on the buggy code', onBuggy, failsOnBuggy),
      toRun('your test with the gold fix', onFixed, passesOnFixed),
    ],
    secondary: { failsOnBuggy: failsOnBuggy ? 1 : 0, passesOnFixed: passesOnFixed ? 1 : 0 },
    rendering: { tests: renderTests(cases) },
  };
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
