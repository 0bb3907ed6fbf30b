import { kindColor } from '../../../components/skillColors';
import { valueNear, type ChartSeries } from './chartModel';
import { formatValue } from './format';

interface Props {
  active?: boolean;
  /** The hovered x value. */
  label?: string | number;
  series: readonly ChartSeries[];
  formatX: (x: number) => string;
}

/**
 * Exact values of every drawn series at the hovered x (each series' nearest logged point, since
 * series are downsampled independently and rows do not hold every series).
 */
export function ChartTooltip({ active, label, series, formatX }: Props) {
  const x = Number(label);
  if (!active || !Number.isFinite(x)) return null;
  const items = series
    .filter((s) => s.role !== 'band')
    .map((s) => ({ s, v: valueNear(s, x) }))
    .filter((it) => it.v !== null);
  if (items.length === 0) return null;
  return (
    <div className="chart-tooltip" data-testid="chart-tooltip">
      <div className="chart-tooltip-x">{formatX(x)}</div>
      <table>
        <tbody>
          {items.map(({ s, v }) => (
            <tr key={s.key} className={s.role === 'raw' ? 'hint' : undefined}>
              <td>
                <span className="swatch" style={{ background: kindColor(s.kind) }} aria-hidden />
                {s.label}
              </td>
              <td className="num">{formatValue(v, 4)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
