import { FactsButton } from '../../components/CellFacts';

export { signed } from '../train/components/runDifference';

/** A value that is there and not NaN (an unknown error). */
export const known = (x: number | undefined): x is number => x !== undefined && !Number.isNaN(x);

/**
 * A table cell: a value ('–' when there is none), with its standard error under it when known.
 * Its `facts` (how many tasks, how the error was taken) show under the table when the cell is
 * hovered, focused or picked, inside a CellFacts.
 */
export function EstimateCell({
  testId,
  value,
  stdErr,
  facts,
  className,
}: {
  testId: string;
  value: string | null;
  stdErr?: number | undefined;
  facts?: string | undefined;
  className?: string;
}) {
  const content = (
    <>
      {value ?? '–'}
      {value !== null && known(stdErr) && <div className="hint">± {stdErr.toFixed(3)}</div>}
    </>
  );
  return (
    <td className={className ? `num ${className}` : 'num'} data-testid={testId}>
      {facts ? (
        <FactsButton factsKey={testId} facts={facts}>
          {content}
        </FactsButton>
      ) : (
        content
      )}
    </td>
  );
}
