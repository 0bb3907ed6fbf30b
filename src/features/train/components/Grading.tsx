/**
 * Why an answer got its reward, as the verifier said it: its facts, the secondary metrics beside
 * the reward, and the sandbox runs that decided it. Shared by the trace viewer (a policy's
 * episode) and the Learn page (a person's answer): both are graded by the same verifier.
 */
import type { GradingRun } from '../../../core/skills/types';
import { formatValue } from './format';
import { plural } from '../../../protocol/plural';

/** The purpose of the edit verifier's run of the hidden tests (`verifyEditStep`). */
const HIDDEN_ON_EDIT = 'hidden tests on the edited code';

/** The verifiers' secondary metrics (each in [0, 1]) in words. */
const SECONDARY_LABELS: Record<string, string> = {
  precision: 'precision',
  recall: 'recall',
  testsPassed: 'share of hidden tests passed',
  mutationScore: 'share of mutants caught',
  failsOnBuggy: 'fails on the buggy code',
  passesOnFixed: 'passes with the gold fix',
  localized: 'localization exact',
};

/**
 * What a sandbox run's tests came to: a count of those that passed, or, for a run that broke
 * (a syntax error, a timeout...), how far it got, so its tests do not read as a verdict.
 */
function runOutcome(r: GradingRun): string {
  const passed = r.tests.filter((t) => t.status === 'pass').length;
  const tests = `${plural(r.tests.length, 'test')}`;
  if (r.verdict !== 'error') return `, ${passed} of ${tests} passed`;
  return r.tests.length ? `: the run broke after ${tests} (${passed} passed)` : ': the run broke';
}

/**
 * The verifier's words (written to whoever answered: "your tests", "You said") for a policy's
 * answer: stored episodes keep them as graded, so they are reworded where they are shown.
 */
export function policyWording(text: string): string {
  return text
    .replace(/\bYour reproduction on your fix\b/g, 'The policy’s reproduction on its fix')
    .replace(/\byour reproduction on your fix\b/g, 'the policy’s reproduction on its fix')
    .replace(/\bYou said\b/g, 'The policy said')
    .replace(/\blets you\b/g, 'lets the policy')
    .replace(/\bYour\b/g, 'The policy’s')
    .replace(/\byour\b/g, 'the policy’s');
}

/** Who gave the answer graded: the verifier's "your" fits a person, not a policy. */
const worded = (text: string, byPolicy: boolean): string => (byPolicy ? policyWording(text) : text);

/**
 * A secondary metric in words. The share of hidden tests passed is over the tests that ran: when
 * their run broke part way (a syntax error in a module loaded late, a timeout), it says so, or a
 * share of 1 would read as every hidden test passing beside a reward of 0.
 */
export function secondaryLabel(name: string, runs: readonly GradingRun[]): string {
  if (name === 'testsPassed') {
    // The run the share is measured on (verifyEditStep's), not another step's of a composite.
    const hidden = runs.find((r) => r.purpose === HIDDEN_ON_EDIT);
    if (hidden?.verdict === 'error' && hidden.tests.length > 0)
      return `share passed (of the ${hidden.tests.length} hidden tests that ran before the run broke)`;
  }
  return SECONDARY_LABELS[name] ?? name;
}

/**
 * A composite task's facts as a reader can follow them: its verdict merges its parts' (each
 * part's facts end with that part's "Reward N"), so each of those says which part it is, and the
 * composite reward says how it follows from them. Other facts are kept as they are.
 */
export function compositeWording(facts: readonly string[]): string[] {
  const last = /^Composite reward ([01])\.$/.exec(facts.at(-1) ?? '');
  if (!last) return [...facts];
  const parts = facts.filter(isPart).length;
  const body = facts.slice(0, -1);
  // None graded: a bug fix whose edits were refused says why above, and no part's reward.
  if (parts === 0) return [...body, `Composite reward ${last[1]}: no part was graded.`];
  if (parts === 1) return [...body, `Composite reward ${last[1]}: the reward above.`];
  let part = 0;
  return [
    ...body.map((f) => {
      if (!isPart(f)) return f;
      part++;
      return REPRO_ON_FIX.test(f)
        ? `Part ${part} of ${parts}, y${f.slice(1)}`
        : `Part ${part} of ${parts}, r${f.slice(1)}`;
    }),
    `Composite reward ${last[1]}: 1 only when all ${parts} parts' rewards are 1.`,
  ];
}

/**
 * Test-driven fixing's third part, the reproduction run on the fix (`verifyReproOnFix`): its
 * fact says whether it passes, with no "Reward N" line of its own (1 when it passes).
 */
const REPRO_ON_FIX = /^Your reproduction on your fix:/;
const isPart = (fact: string): boolean => /^Reward [01]\b/.test(fact) || REPRO_ON_FIX.test(fact);

/** The verifier's facts, in order, and the secondary metrics beside the reward. */
export function GradingFacts({
  facts,
  secondary,
  runs = [],
  testId = 'episode',
  byPolicy = false,
}: {
  facts: readonly string[];
  secondary: Record<string, number>;
  /** The sandbox runs graded: what a secondary metric was measured over. */
  runs?: readonly GradingRun[];
  testId?: string;
  /** A policy's answer (the trace viewer), not a person's (the Learn page). */
  byPolicy?: boolean;
}) {
  return (
    <>
      <h4>Why</h4>
      <ol className="episode-facts" data-testid={`${testId}-facts`}>
        {compositeWording(facts).map((f, i) => (
          <li key={i}>{worded(f, byPolicy)}</li>
        ))}
      </ol>
      {Object.keys(secondary).length > 0 && (
        <p className="hint" data-testid={`${testId}-secondary`}>
          Beside the reward:{' '}
          {Object.entries(secondary)
            .map(([name, v]) => `${secondaryLabel(name, runs)} ${formatValue(v, 2)}`)
            .join(' · ')}
        </p>
      )}
    </>
  );
}

/** The sandbox runs grading made: each one's verdict, failed tests and console. */
export function SandboxRuns({
  runs,
  testId = 'episode',
  byPolicy = false,
}: {
  runs: readonly GradingRun[];
  testId?: string;
  /** A policy's answer (the trace viewer), not a person's (the Learn page). */
  byPolicy?: boolean;
}) {
  if (runs.length === 0) return null;
  return (
    <>
      <h4>Sandbox runs</h4>
      <ul className="episode-runs" data-testid={`${testId}-runs`}>
        {runs.map((r, i) => (
          <li key={i}>
            {worded(r.purpose, byPolicy)}: <strong>{r.verdict}</strong>
            {r.label ? ` (${r.label})` : ''}
            {runOutcome(r)}
            {r.asRequired ? ', as the reward needed' : ', not as the reward needed'}
            {r.message ? (
              <>
                {' '}
                · <code>{r.message}</code>
              </>
            ) : null}
            {r.tests.some((t) => t.status === 'fail') && (
              <ul>
                {r.tests
                  .filter((t) => t.status === 'fail')
                  .map((t, j) => (
                    <li key={j}>
                      {t.name}: {t.message ?? 'failed'}
                    </li>
                  ))}
              </ul>
            )}
            {r.console.length > 0 && (
              <details className="episode-console" data-testid={`${testId}-console`}>
                <summary>console ({plural(r.console.length, 'line')})</summary>
                <pre className="episode-code">{r.console.join('\n')}</pre>
              </details>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
