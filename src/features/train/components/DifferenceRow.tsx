import { ATOMIC_SKILLS } from '../../../core/tasks/types';
import { SKILL_COLORS } from '../../../components/skillColors';
import type { RunSummary } from '../../../protocol/training';
import { compositeMean } from './RunRow';
import { differenceTitle, finalDifference, signed } from './runDifference';

/**
 * Under the runs table when two runs are ticked: run A's final rewards minus run B's, skill by
 * skill (A is the one ticked first), each with its standard error, e.g. joint RL minus a
 * single-skill run for the interference it measures.
 */
export function DifferenceRow({ a, b }: { a: RunSummary; b: RunSummary }) {
  const [ca, cb] = [compositeMean(a.finalRewards), compositeMean(b.finalRewards)];

  return (
    <tr className="difference-row" data-testid="runs-difference">
      <td />
      <td colSpan={5}>
        <strong>
          {a.name} − {b.name}
        </strong>
        <div className="hint">final rewards, A minus B</div>
      </td>
      {ATOMIC_SKILLS.map((skill) => {
        const d = finalDifference(a, b, skill);
        return (
          <td
            key={skill}
            className="num"
            style={{ color: SKILL_COLORS[skill] }}
            data-testid={`difference-${skill}`}
            title={d ? differenceTitle(a.name, b.name, d) : 'Not scored in both runs.'}
          >
            {d ? signed(d.diff) : '–'}
            {d?.stdErr != null && <div className="hint">± {d.stdErr.toFixed(3)}</div>}
          </td>
        );
      })}
      <td
        className="num"
        data-testid="difference-composite"
        title={
          ca !== null && cb !== null
            ? 'Mean over the composite tasks of A minus that of B.'
            : 'Not scored in both runs.'
        }
      >
        {ca !== null && cb !== null ? signed(ca - cb) : '–'}
      </td>
      <td />
    </tr>
  );
}
