export { signed } from '../train/components/runDifference';

/** A value that is there and not NaN (an unknown error). */
export const known = (x: number | undefined): x is number => x !== undefined && !Number.isNaN(x);

/** A table cell: a value ('–' when there is none), with its standard error under it when known. */
export function EstimateCell({
  testId,
  value,
  stdErr,
  title,
  className,
}: {
  testId: string;
  value: string | null;
  stdErr?: number | undefined;
  title?: string | undefined;
  className?: string;
}) {
  return (
    <td
      className={className ? `num ${className}` : 'num'}
      data-testid={testId}
      {...(title ? { title } : {})}
    >
      {value ?? '–'}
      {value !== null && known(stdErr) && <div className="hint">± {stdErr.toFixed(3)}</div>}
    </td>
  );
}
