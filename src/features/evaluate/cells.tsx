/** `+0.012` or `−0.034`: a difference always shows its sign. */
export const signed = (x: number): string => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)}`;

const known = (x: number | undefined): x is number => x !== undefined && !Number.isNaN(x);

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
