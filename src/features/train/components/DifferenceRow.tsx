import { useEffect, useState } from 'react';
import { ATOMIC_SKILLS, COMPOSITE_KINDS, KIND_LABELS } from '../../../core/tasks/types';
import { FactsButton, FactsProvider, useCellFacts } from '../../../components/CellFacts';
import { kindTextColor } from '../../../components/skillColors';
import { readInto } from '../../../components/useRead';
import type { RunSummary } from '../../../protocol/training';
import type { PerTaskScores } from '../../../eval/stats';
import {
  clearOfZero,
  differenceTitle,
  finalDifference,
  meanDifference,
  signed,
  type FinalDifference,
} from './runDifference';

/** Reads a run's per-task scores of its final test evaluation. */
export type TestScoresLoader = (runId: string) => Promise<PerTaskScores>;

/**
 * Under the runs table when two runs are ticked: run A's final rewards minus run B's, skill by
 * skill (A is the one ticked first), each with its standard error, e.g. joint RL minus a
 * single-skill run for the interference it measures. With `loadScores`, two runs tested on the
 * same tasks get the paired error, as `lab compare` gives it.
 */
export function DifferenceRow({
  a,
  b,
  loadScores,
  revision = 0,
}: {
  a: RunSummary;
  b: RunSummary;
  loadScores?: TestScoresLoader;
  /** Changes when stored episodes were dropped: the scores are read again. */
  revision?: number;
}) {
  const scores = {
    a: useTestScores(loadScores, a, revision),
    b: useTestScores(loadScores, b, revision),
  };
  const diffs = ATOMIC_SKILLS.map((skill) => ({
    skill,
    d: finalDifference(a, b, skill, scores),
  }));
  const mean = meanDifference(diffs.map(({ d }) => d));
  // The composite tasks both runs were scored on (a run may lack some), each with its error.
  const composites = COMPOSITE_KINDS.flatMap((kind) => {
    const d = finalDifference(a, b, kind, scores);
    return d ? [d] : [];
  });
  const composite = composites.length > 0 ? meanDifference(composites) : null;
  const shown = diffs.flatMap(({ skill, d }) => (d ? [{ skill, d }] : []));
  const paired = shown.filter(({ d }) => d.pairing.paired);
  const errors =
    paired.length === 0
      ? 'unpaired errors'
      : paired.length === shown.length
        ? 'errors paired over the same test tasks'
        : `errors paired over the same test tasks for ${paired.map(({ skill }) => KIND_LABELS[skill]).join(', ')}, unpaired for the rest`;
  const { root, onKeyDown, lineId, shownText, scope } = useCellFacts<HTMLTableRowElement>();

  return (
    <tr className="difference-row" data-testid="runs-difference" ref={root} onKeyDown={onKeyDown}>
      <td />
      <td colSpan={5}>
        <strong>
          {a.name} − {b.name}
        </strong>
        <div className="hint" data-testid="difference-errors">
          final rewards, A minus B; {errors}; <strong>bold</strong>: more than two errors from 0
        </div>
        <div id={lineId} className="hint difference-facts" data-testid="difference-facts">
          {shownText ??
            'Hover, click or tap a difference, or Tab to it and move with the arrow keys, for both runs’ scores and how clear it is.'}
        </div>
      </td>
      <FactsProvider scope={scope}>
        {diffs.map(({ skill, d }) => (
          <DifferenceCell
            key={skill}
            testId={`difference-${skill}`}
            d={d}
            a={a.name}
            b={b.name}
            color={kindTextColor(skill)}
          />
        ))}
        <DifferenceCell
          testId="difference-mean"
          d={mean}
          a={a.name}
          b={b.name}
          label="Mean of the five skills"
        />
        <DifferenceCell
          testId="difference-composite"
          d={composite}
          a={a.name}
          b={b.name}
          label={`Mean of the ${composites.length === 1 ? 'composite task' : `${composites.length} composite tasks`} scored in both runs`}
          missing="No composite task scored in both runs."
        />
      </FactsProvider>
      <td />
    </tr>
  );
}

/**
 * One difference with its error under it, bold when it is more than two errors from 0; hovered,
 * focused or picked, it tells both scores and how clear it is in the row's line.
 */
function DifferenceCell(props: {
  d: FinalDifference | null;
  /** Run A's and B's names. */
  a: string;
  b: string;
  /** What is compared, when it is not the column's skill. */
  label?: string;
  /** Why there is no difference (by default: not scored in both runs). */
  missing?: string;
  testId: string;
  color?: string;
}) {
  const { d, label } = props;
  const facts = d
    ? `${label ? `${label}: ` : ''}${differenceTitle(props.a, props.b, d)}`
    : (props.missing ??
      (label ? `${label}: not scored in both runs on every skill.` : 'Not scored in both runs.'));
  const value = d ? signed(d.diff) : '–';
  return (
    <td className="num" style={{ color: props.color }} data-testid={props.testId}>
      <FactsButton factsKey={props.testId} facts={facts}>
        {d && clearOfZero(d) ? <strong>{value}</strong> : value}
        {d?.stdErr != null && <div className="hint">± {d.stdErr.toFixed(3)}</div>}
      </FactsButton>
    </td>
  );
}

/**
 * `run`'s per-task test scores once read (read again when its status changes, as a run's final
 * test comes at its end, and at a new `revision`); undefined until then, or without `load`. A
 * failed read counts as no scores: the difference falls back to its unpaired error.
 */
function useTestScores(
  load: TestScoresLoader | undefined,
  run: RunSummary,
  revision: number,
): PerTaskScores | undefined {
  const key = `${run.id}:${run.status}:${revision}`;
  const [got, setGot] = useState<{ key: string; scores: PerTaskScores } | null>(null);
  useEffect(() => {
    if (!load) return;
    const keep = (scores: PerTaskScores) => setGot({ key, scores });
    return readInto(load(run.id), keep, () => keep({}), 'the test scores');
  }, [load, key, run.id]);
  return got?.key === key ? got.scores : undefined;
}
