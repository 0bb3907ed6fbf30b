import { ATOMIC_SKILLS, KIND_LABELS, TASK_KINDS, type TaskKind } from '../core/tasks/types';
import type { Difference } from './compare';
import { difference, PAPER_COLUMNS, sharedWarmStart, singleRunName, type GridResult } from './grid';

/** The kinds an RL baseline of the paper's grid trains on; undefined for one without RL. */
export function baselineTrainKinds(name: string): readonly TaskKind[] | undefined {
  if (name === PAPER_COLUMNS.joint) return ATOMIC_SKILLS;
  if (name === PAPER_COLUMNS.compositeOnly) return ['bugfix'];
  const skill = ATOMIC_SKILLS.find((k) => singleRunName(k) === name);
  return skill ? [skill] : undefined;
}

const sameKinds = (a: readonly TaskKind[], b: readonly TaskKind[]): boolean =>
  a.length === b.length && a.every((k) => b.includes(k));

/** Kinds in words: "all five skills", or each kind's label. */
export function kindsText(kinds: readonly TaskKind[]): string {
  if (sameKinds(kinds, ATOMIC_SKILLS)) return 'all five skills';
  return TASK_KINDS.filter((k) => kinds.includes(k))
    .map((k) => KIND_LABELS[k])
    .join(', ');
}

/**
 * Why a run that trained on `kinds` does not stand for baseline `name` (an RL baseline trains on
 * its own kinds: a single-skill run on its skill, joint RL on the five, composite-only on bug
 * fixing), or null when it does, or nothing says (no RL baseline, or its kinds not recorded).
 */
export function baselineMismatch(
  name: string,
  kinds: readonly TaskKind[] | undefined,
): string | null {
  const wanted = baselineTrainKinds(name);
  if (!wanted || !kinds || sameKinds(kinds, wanted)) return null;
  return `it trained on ${kindsText(kinds)}, not ${kindsText(wanted)}: its column is not this baseline`;
}

/** One trained run's change over the warm start on every task kind: what its training transferred. */
export interface TransferRow {
  /** The run's name in the grid. */
  name: string;
  /** What it trained on: as recorded, else its baseline's kinds. */
  trainedOn: readonly TaskKind[];
  /**
   * Whether it forked from the grid's warm start (or warm-started alike): only then is a gain
   * off its own skills transfer. False for a run that warm-started on its own skills alone (a
   * single-skill run trained on the Train page); null when not recorded.
   */
  sharedWarmStart: boolean | null;
  /** Its score minus the warm start's, per kind (null where either lacks the kind). */
  gains: Partial<Record<TaskKind, Difference | null>>;
}

/**
 * Transfer between skills: each RL run of the grid (each single-skill run, joint RL,
 * composite-only) against the warm start it forked from, on every task kind. A single-skill
 * run's gain off its own skill is transfer from that skill; a composite task's gain under a run
 * that never trained on it is transfer to it. Rows only for runs the grid has.
 */
export function transferRows(result: GridResult): TransferRow[] {
  const names = [
    ...ATOMIC_SKILLS.map(singleRunName),
    PAPER_COLUMNS.joint,
    PAPER_COLUMNS.compositeOnly,
  ];
  return names
    .filter((name) => result.runs[name] && result.runs[PAPER_COLUMNS.warm])
    .map((name) => ({
      name,
      trainedOn: result.runs[name]!.trainKinds ?? baselineTrainKinds(name)!,
      sharedWarmStart: sharedWarmStart(result, name),
      gains: Object.fromEntries(
        TASK_KINDS.map((kind) => [kind, difference(result, name, PAPER_COLUMNS.warm, kind)]),
      ),
    }));
}
