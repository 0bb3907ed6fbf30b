import { KIND_LABELS, type TaskKind } from '../../../core/tasks/types';
import { kindColor } from '../../../components/skillColors';
import { valueNear, type ChartSeries, type SeriesRole } from './chartModel';
import { formatValue } from './format';

interface Props {
  active?: boolean;
  /** The hovered x value. */
  label?: string | number;
  series: readonly ChartSeries[];
  formatX: (x: number) => string;
}

type Cell = Exclude<SeriesRole, 'band'>;
const COLUMNS: { role: Cell; title: string }[] = [
  { role: 'smooth', title: 'reward' },
  { role: 'raw', title: 'raw' },
  { role: 'eval', title: 'val' },
];

interface Line {
  entry: string;
  kind: TaskKind;
  values: Partial<Record<Cell, number>>;
}

/**
 * The series' values at x, one line per run (or group) and kind: a training curve's nearest
 * logged point (curves are downsampled apart), a validation only where it was measured at x.
 */
export function tooltipLines(series: readonly ChartSeries[], x: number): Line[] {
  const lines = new Map<string, Line>();
  for (const s of series) {
    if (s.role === 'band') continue;
    const v = s.role === 'eval' ? (s.points.find((p) => p.x === x)?.y ?? null) : valueNear(s, x);
    if (v === null) continue;
    const id = `${s.runIndex}|${s.kind}`;
    const line = lines.get(id) ?? { entry: s.entry, kind: s.kind, values: {} };
    line.values[s.role] = v;
    lines.set(id, line);
  }
  return [...lines.values()];
}

/**
 * Exact values of every drawn series at the hovered x (each series' nearest logged point, since
 * series are downsampled independently and rows do not hold every series).
 */
export function ChartTooltip({ active, label, series, formatX }: Props) {
  const x = Number(label);
  if (!active || !Number.isFinite(x)) return null;
  const lines = tooltipLines(series, x);
  if (lines.length === 0) return null;
  const columns = COLUMNS.filter((c) => lines.some((l) => l.values[c.role] !== undefined));
  // Beside the raw value, the curve's is the smoothed one (alone, it is the reward itself).
  const smoothed = columns.some((c) => c.role === 'raw');
  const several = new Set(lines.map((l) => l.entry)).size > 1;
  return (
    <div className="chart-tooltip" data-testid="chart-tooltip">
      <table>
        <thead>
          <tr>
            <th className="chart-tooltip-x">{formatX(x)}</th>
            {columns.map((c) => (
              <th key={c.role} className="num">
                {c.role === 'smooth' && smoothed ? 'smoothed' : c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={`${l.entry}|${l.kind}`}>
              <td>
                <span className="swatch" style={{ background: kindColor(l.kind) }} aria-hidden />
                {several ? `${l.entry} · ` : ''}
                {KIND_LABELS[l.kind]}
              </td>
              {columns.map((c) => (
                <td key={c.role} className={c.role === 'raw' ? 'num hint' : 'num'}>
                  {formatValue(l.values[c.role] ?? null, 4)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
