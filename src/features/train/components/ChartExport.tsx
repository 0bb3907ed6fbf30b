import { useState, type RefObject } from 'react';
import { download, fileSafe } from '../../../components/download';
import { chartSvg, svgToPng, type LegendEntry } from './chartExport';

interface Props {
  /** The element holding the drawn chart (its first recharts `<svg>` is exported). */
  target: RefObject<HTMLElement | null>;
  title: string;
  legend: readonly LegendEntry[];
  /** Test id prefix: `<prefix>-svg` and `<prefix>-png`. */
  testId: string;
}

/** "SVG" and "PNG" buttons that save the chart as drawn, with a title and a legend. */
export function ChartExport({ target, title, legend, testId }: Props) {
  const [problem, setProblem] = useState<string | null>(null);
  const save = async (format: 'svg' | 'png'): Promise<void> => {
    setProblem(null);
    const svg = target.current?.querySelector<SVGSVGElement>('svg.recharts-surface');
    if (!svg) {
      setProblem('Nothing is drawn yet: the chart appears with the first points.');
      return;
    }
    try {
      const image = chartSvg(svg, title, legend);
      const name = fileSafe(title) || 'chart';
      if (format === 'svg') download(`${name}.svg`, image.svg, 'image/svg+xml');
      else download(`${name}.png`, await svgToPng(image), 'image/png');
    } catch (error) {
      setProblem(`The chart could not be saved: ${(error as Error).message}`);
    }
  };
  return (
    <span className="chart-export">
      <button
        type="button"
        data-testid={`${testId}-svg`}
        title="Save the chart as drawn (with its legend) as a vector SVG file"
        onClick={() => void save('svg')}
      >
        SVG
      </button>
      <button
        type="button"
        data-testid={`${testId}-png`}
        title="Save the chart as drawn (with its legend) as a PNG image at twice screen resolution"
        onClick={() => void save('png')}
      >
        PNG
      </button>
      {problem && (
        <span className="error" role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}
