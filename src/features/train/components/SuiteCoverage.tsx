import { useEffect, useState } from 'react';
import { readSuiteKinds } from '../../../bridge/storage';
import type { TaskKind } from '../../../core/tasks/types';
import type { SuiteKinds, SuiteSpec } from '../../../protocol/training';
import { unmeasuredIn } from '../../../protocol/heldOut';

/**
 * Before a run starts: the trained kinds its tasks cannot validate or test, when its suite is
 * cached (a run or the Learn page built it). Otherwise the run says so as it starts.
 */
export function SuiteCoverage({
  suite,
  trainKinds,
  reread,
}: {
  suite: SuiteSpec;
  trainKinds: readonly TaskKind[];
  /** Changes when the suite may have been built since (a run started or ended). */
  reread: unknown;
}) {
  const { projects, seed } = suite;
  const [kinds, setKinds] = useState<SuiteKinds | null>(null);
  useEffect(() => {
    let live = true;
    readSuiteKinds({ projects, seed }).then(
      (k) => live && setKinds(k),
      // Not known (the worker not there yet): the run says it as it starts.
      () => live && setKinds(null),
    );
    return () => {
      live = false;
    };
  }, [projects, seed, reread]);
  const note = kinds && unmeasuredIn(trainKinds, kinds);
  return note ? (
    <p className="hint" role="status" data-testid="suite-coverage">
      {note}
    </p>
  ) : null;
}
