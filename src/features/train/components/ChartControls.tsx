import { useId } from 'react';
import { KIND_LABELS, type TaskKind } from '../../../core/tasks/types';
import { kindColor } from '../../../components/skillColors';
import { MAX_SMOOTHING, type XAxisKind } from './series';

export interface ChartSettings {
  xAxis: XAxisKind;
  smoothing: number;
  logX: boolean;
  logY: boolean;
  groupRuns: boolean;
  hidden: readonly TaskKind[];
}

interface Props {
  settings: ChartSettings;
  onChange: (next: ChartSettings) => void;
  /** Kinds that have data, in legend order. */
  kinds: readonly TaskKind[];
  /** Offer grouping only when several runs are shown. */
  canGroup: boolean;
}

const X_AXES: { value: XAxisKind; label: string }[] = [
  { value: 'step', label: 'step' },
  { value: 'episodes', label: 'episodes' },
  { value: 'time', label: 'wall time' },
];

/** The reward chart's settings: x axis, log scales, smoothing, grouping, and which kinds show. */
export function ChartControls({ settings, onChange, kinds, canGroup }: Props) {
  const xAxisId = useId();
  const set = (patch: Partial<ChartSettings>) => onChange({ ...settings, ...patch });
  const toggleKind = (kind: TaskKind) =>
    set({
      hidden: settings.hidden.includes(kind)
        ? settings.hidden.filter((k) => k !== kind)
        : [...settings.hidden, kind],
    });
  return (
    <div className="chart-controls">
      <label title="What the horizontal axis measures: GRPO steps, episodes played so far, or wall-clock time since the run started.">
        <span id={xAxisId}>x axis</span>{' '}
        <select
          aria-labelledby={xAxisId}
          data-testid="x-axis-select"
          value={settings.xAxis}
          onChange={(e) => set({ xAxis: e.target.value as XAxisKind })}
        >
          {X_AXES.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </select>
      </label>
      <label title="Logarithmic x axis (points at x ≤ 0 are hidden).">
        <input
          type="checkbox"
          data-testid="log-x"
          checked={settings.logX}
          onChange={(e) => set({ logX: e.target.checked })}
        />{' '}
        log x
      </label>
      <label title="Logarithmic y axis (rewards ≤ 0 are hidden).">
        <input
          type="checkbox"
          data-testid="log-y"
          checked={settings.logY}
          onChange={(e) => set({ logY: e.target.checked })}
        />{' '}
        log y
      </label>
      <label title="Exponential moving average, debiased like TensorBoard's; the raw curve stays faint behind.">
        smoothing{' '}
        <input
          type="range"
          data-testid="smoothing-slider"
          min={0}
          max={MAX_SMOOTHING}
          step={0.001}
          value={settings.smoothing}
          onChange={(e) => set({ smoothing: Number(e.target.value) })}
        />{' '}
        <output>{settings.smoothing.toFixed(2)}</output>
      </label>
      {canGroup && (
        <label title="Average runs with the same configuration (other seeds): mean line and min–max band.">
          <input
            type="checkbox"
            data-testid="group-runs"
            checked={settings.groupRuns}
            onChange={(e) => set({ groupRuns: e.target.checked })}
          />{' '}
          group by config
        </label>
      )}
      {kinds.length > 0 && (
        <fieldset className="chart-kinds" data-testid="chart-kinds">
          <legend className="hint">task kinds</legend>
          {kinds.map((kind) => (
            <label key={kind} className="chart-kind">
              <input
                type="checkbox"
                data-testid={`kind-toggle-${kind}`}
                checked={!settings.hidden.includes(kind)}
                onChange={() => toggleKind(kind)}
              />
              <span className="swatch" style={{ background: kindColor(kind) }} aria-hidden />
              {KIND_LABELS[kind]}
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
