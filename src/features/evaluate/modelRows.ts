import { TASK_KINDS, type TaskKind } from '../../core/tasks/types';
import { pairedDifference, type Difference } from '../../eval/compare';
import { kindScore, type KindScore, type PerTaskScores } from '../../eval/evaluate';
import type { ModelScoreResult } from '../../protocol/models';

/** One kind of the external model's table: its score, and a run's on the same tasks. */
export interface ModelRow {
  kind: TaskKind;
  model: KindScore;
  /**
   * Over the tasks both answered: how many, and the model's score and the run's, each with its
   * standard error (their difference is `diff`'s); null when they share none.
   */
  shared: { tasks: number; model: KindScore; run: KindScore } | null;
  /** Model minus run, paired over those tasks. */
  diff: Difference | null;
}

/** The model's scores per kind, each beside a run's final test scores on the same tasks. */
export function modelRows(result: ModelScoreResult, run: PerTaskScores | null): ModelRow[] {
  return TASK_KINDS.flatMap((kind): ModelRow[] => {
    const model = result.bySkill[kind];
    if (!model) return [];
    const mine = result.perTask[kind] ?? {};
    const theirs = run?.[kind] ?? {};
    const shared = Object.keys(mine).filter((id) => id in theirs);
    return [
      {
        kind,
        model,
        shared: shared.length
          ? {
              tasks: shared.length,
              model: kindScore(shared.map((id) => mine[id]!)),
              run: kindScore(shared.map((id) => theirs[id]!)),
            }
          : null,
        diff: pairedDifference(mine, theirs),
      },
    ];
  });
}
