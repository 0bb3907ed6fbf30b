import {
  ATOMIC_SKILLS,
  COMPOSITE_KINDS,
  KIND_LABELS,
  type TaskKind,
} from '../../../core/tasks/types';
import { kindTextColor } from '../../../components/skillColors';
import { meanOfEstimates } from '../../../eval/stats';
import { isGoing, type RunSummary } from '../../../protocol/training';
import { formatValue } from './format';
import { RunName } from './RunName';
import { TagEditor } from './TagEditor';
import { plural } from '../../../protocol/plural';

export interface RunRowProps {
  run: RunSummary;
  selected: boolean;
  active: boolean;
  /** Trained by another tab of this browser (its controls are there). */
  elsewhere?: boolean;
  onToggleSelect: (selected: boolean) => void;
  onOpen?: () => void;
  onRename: (name: string) => void;
  /** The runs' names (its own may be among them), which a rename may not take. */
  takenNames?: ReadonlySet<string>;
  onTag: (tags: string[]) => void;
  onDelete: () => void;
  onExportBundle: () => void;
  onExportCsv: () => void;
}

/** The hover text of a final reward: its standard error over the test tasks, when recorded. */
export function finalTitle(run: RunSummary, skill: TaskKind): string | undefined {
  const reward = run.finalRewards[skill];
  const se = run.finalStdErr?.[skill];
  if (reward === undefined || !se) return undefined;
  return `${reward.toFixed(3)} ± ${se.stdErr.toFixed(3)}: the standard error over ${plural(se.tasks, 'task')} (another draw of tasks could move the score this much)`;
}

/**
 * The mean final reward over the five atomic skills (the paper's headline figure), with its
 * standard error (the skills' errors combined, their test tasks being different), or null
 * unless all five were scored.
 */
export function skillMean(run: RunSummary): { value: number; stdErr: number | null } | null {
  const parts = ATOMIC_SKILLS.map((k) => ({
    value: run.finalRewards[k],
    stdErr: run.finalStdErr?.[k]?.stdErr ?? Number.NaN,
  }));
  if (parts.some((p) => p.value === undefined)) return null;
  const m = meanOfEstimates(parts as { value: number; stdErr: number }[])!;
  return { value: m.value, stdErr: Number.isNaN(m.stdErr) ? null : m.stdErr };
}

/** The hover text of the mean over the five skills. */
function skillMeanTitle(m: ReturnType<typeof skillMean>): string | undefined {
  if (!m) return undefined;
  const error = m.stdErr === null ? '' : ` ± ${m.stdErr.toFixed(3)}`;
  return `Mean of the five skills' final rewards: ${m.value.toFixed(3)}${error}`;
}

/** Mean final reward over the composite kinds that were evaluated, or null. */
export function compositeMean(rewards: RunSummary['finalRewards']): number | null {
  const vs = COMPOSITE_KINDS.map((k) => rewards[k]).filter((v): v is number => v !== undefined);
  return vs.length ? vs.reduce((a, b) => a + b, 0) / vs.length : null;
}

/** The hover text of the composite mean: each composite task's own final reward. */
export function compositeTitle(rewards: RunSummary['finalRewards']): string | undefined {
  const parts = COMPOSITE_KINDS.filter((k) => rewards[k] !== undefined).map(
    (k) => `${KIND_LABELS[k]} ${rewards[k]!.toFixed(3)}`,
  );
  return parts.length ? `Mean of ${parts.length}: ${parts.join(', ')}` : undefined;
}

/** One run in the list: selection, name, status, tags, sizes, final rewards and actions. */
export function RunRow({ run, selected, active, takenNames, ...on }: RunRowProps) {
  const going = isGoing(run.status);
  const mean = skillMean(run);
  return (
    <tr data-testid={`run-row-${run.id}`} className={active ? 'run-row active' : 'run-row'}>
      <td>
        <input
          type="checkbox"
          data-testid={`select-run-${run.id}`}
          aria-label={`Compare ${run.name}`}
          checked={selected}
          onChange={(e) => on.onToggleSelect(e.target.checked)}
        />
      </td>
      <td>
        <RunName
          id={run.id}
          name={run.name}
          onRename={on.onRename}
          {...(takenNames && { taken: takenNames })}
        />
        {on.onOpen && (
          <button
            type="button"
            className="link-button"
            onClick={on.onOpen}
            data-testid={`open-run-${run.id}`}
            aria-label={`Open ${run.name}`}
          >
            open
          </button>
        )}
      </td>
      <td>
        <span className="badge" data-testid={`run-status-${run.id}`} title={run.message}>
          {run.status}
        </span>
      </td>
      <td>
        <TagEditor tags={run.tags} onChange={on.onTag} runName={run.name} />
      </td>
      <td>{run.backend ?? '–'}</td>
      <td className="num">
        {run.step} / {run.steps}
      </td>
      {ATOMIC_SKILLS.map((skill) => (
        <td
          key={skill}
          className="num"
          style={{ color: kindTextColor(skill) }}
          data-testid={`final-${run.id}-${skill}`}
          title={finalTitle(run, skill)}
        >
          {formatValue(run.finalRewards[skill] ?? null, 2)}
        </td>
      ))}
      <td className="num" data-testid={`final-${run.id}-mean`} title={skillMeanTitle(mean)}>
        {formatValue(mean?.value ?? null, 2)}
      </td>
      <td
        className="num"
        data-testid={`final-${run.id}-composite`}
        title={compositeTitle(run.finalRewards)}
      >
        {formatValue(compositeMean(run.finalRewards), 2)}
      </td>
      <td className="run-actions-cell">
        <div className="run-actions">
          <button
            type="button"
            data-testid={`export-bundle-${run.id}`}
            onClick={on.onExportBundle}
            title="Download the run (config, metrics, checkpoint) as one file."
          >
            bundle
          </button>
          <button
            type="button"
            data-testid={`export-csv-${run.id}`}
            onClick={on.onExportCsv}
            title="Download the metrics as long-format CSV (run,step,metric,value)."
          >
            CSV
          </button>
          <button
            type="button"
            data-testid={`delete-run-${run.id}`}
            aria-label={`Delete ${run.name}`}
            disabled={going}
            title={
              going
                ? on.elsewhere
                  ? 'It is training in another tab of this browser: stop it there before deleting it.'
                  : 'Stop the run before deleting it.'
                : 'Delete the run and everything stored with it (Undo for a few seconds).'
            }
            onClick={on.onDelete}
          >
            delete
          </button>
        </div>
      </td>
    </tr>
  );
}
