import type { RunSummary } from '../../protocol/training';
import { unfinishedNote } from './gridFromRuns';

/** Says which runs here are not offered, and why (nothing when every run is finished). */
export function UnfinishedNote({ runs, testId }: { runs: readonly RunSummary[]; testId: string }) {
  const note = unfinishedNote(runs);
  return note ? (
    <p className="hint" data-testid={testId}>
      {note}
    </p>
  ) : null;
}
