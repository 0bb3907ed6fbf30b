import { RUN_STATUSES } from '../protocol/training';
import type { EncodedCheckpoint } from '../rl/checkpointCodec';
import { checkConfig, DEFAULT_CONFIG, type TrainConfig } from '../rl/config';
import type { CheckpointRow, EpisodeRecord, EvalRow, EventRow, PointRecord, RunRecord } from './db';
import {
  checkpointRowProblem,
  episodeListsProblem,
  evalProblem,
  eventProblem,
  pointProblem,
  runExtrasProblem,
} from './bundleRows';
import { isRecord } from '../core/guards';

/** A whole run as one portable file: config, metrics, config events, checkpoints, episodes. */
export interface RunBundle {
  format: 'atomic-skills-lab/run-bundle';
  version: 1;
  exportedAt: string;
  run: RunRecord;
  points: PointRecord[];
  evals: EvalRow[];
  events: EventRow[];
  checkpoints: (Omit<CheckpointRow, 'checkpoint'> & { checkpoint: EncodedCheckpoint })[];
  episodes: EpisodeRecord[];
}

const isArray = (v: unknown): v is unknown[] => Array.isArray(v);

const count = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/**
 * Fields whose absence, in a config saved before they existed, meant other than today's default:
 * such a run trained that way (grpo.ts reads them so), and resumes and explains itself so.
 */
const ABSENT_MEANT: Partial<TrainConfig> = { keepFlatGroups: false, flatGroupAnswers: 0 };

/**
 * A bundle's config as checked and stored: a field it was saved without (an older version's)
 * is the default's, or what its absence meant (`ABSENT_MEANT`), as the trainer read it.
 */
export const configWithDefaults = (saved: Partial<TrainConfig>): TrainConfig => ({
  ...DEFAULT_CONFIG,
  ...ABSENT_MEANT,
  ...saved,
  model: { ...DEFAULT_CONFIG.model, ...saved.model },
});

/** Why a bundle's run record would not show or resume as stored, or null. */
function checkRunFields(run: Partial<RunRecord>): string | null {
  if (run.name!.trim() === '') return 'its name is empty';
  for (const field of ['step', 'steps', 'elapsedMs', 'createdAt'] as const)
    if (!count(run[field]))
      return `${field} must be a number >= 0, not ${JSON.stringify(run[field])}`;
  if (!(RUN_STATUSES as readonly string[]).includes(run.status as string))
    return `status ${JSON.stringify(run.status)} is not one of ${RUN_STATUSES.join(', ')}`;
  if (!isArray(run.tags) || run.tags.some((t) => typeof t !== 'string'))
    return 'tags must be a list of strings';
  const problem = checkConfig(configWithDefaults(run.config as Partial<TrainConfig>));
  if (problem) return `its config is not valid (${problem})`;
  return runExtrasProblem(run);
}

/** Why a parsed file is not a run bundle this app can import, or null. */
export function checkBundle(value: unknown): string | null {
  const b = value as Partial<RunBundle> | null;
  if (!b || typeof b !== 'object') return 'the file is not a JSON object';
  const format: unknown = b.format;
  if (format !== 'atomic-skills-lab/run-bundle') {
    const what =
      format === 'atomic-skills-lab/checkpoint'
        ? 'a checkpoint'
        : typeof format === 'string'
          ? `a "${format}" file`
          : 'a JSON file with no bundle "format" in it';
    return `this is ${what}, not a run bundle. Import the file a run's "bundle" button downloads or, for a run trained in Node (a lab train folder), the one npm run lab -- bundle --run <folder> --out run.json makes`;
  }
  if (b.version !== 1)
    return `bundle version ${String(b.version)} is not supported (this app reads version 1)`;
  const run = b.run as Partial<RunRecord> | undefined;
  if (!isRecord(run) || typeof run.id !== 'string' || typeof run.name !== 'string')
    return 'run: needs an id, a name and a config';
  if (!isRecord(run.config) || (run.config.model !== undefined && !isRecord(run.config.model)))
    return `run: its config must be an object of settings, not ${JSON.stringify(run.config)}`;
  const runProblem = checkRunFields(run);
  if (runProblem) return `run: ${runProblem}`;
  for (const field of ['points', 'evals', 'events', 'checkpoints', 'episodes'] as const)
    if (!isArray(b[field])) return `${field}: expected an array`;
  const rows = [
    ['points', pointProblem],
    ['evals', evalProblem],
    ['events', eventProblem],
    ['checkpoints', checkpointRowProblem],
    ['episodes', episodeProblem],
  ] as const;
  for (const [field, check] of rows)
    for (const [i, row] of (b[field] as unknown[]).entries()) {
      const problem = check(row);
      if (problem) return `${field}[${i}]: ${problem}`;
    }
  return null;
}

const EPISODE_ARRAYS = [
  'actions',
  'actionLabels',
  'logProbs',
  'entropies',
  'top',
  'facts',
  'runs',
  'groupRewards',
] as const;

/** What an episode record lacks that the trace needs to show it, or null. */
function episodeProblem(value: unknown): string | null {
  const e = value as Partial<EpisodeRecord> | null;
  if (!e || typeof e !== 'object') return 'expected an object';
  if (typeof e.step !== 'number' || !['train', 'val', 'test'].includes(e.source as string))
    return 'needs a step and a source (train, val or test)';
  if (
    typeof e.taskId !== 'string' ||
    typeof e.kind !== 'string' ||
    typeof e.answerText !== 'string'
  )
    return 'needs a taskId, a kind and an answerText';
  const number = (['reward', 'groupIndex', 'sampleIndex', 'advantage'] as const).find(
    (f) => typeof e[f] !== 'number',
  );
  if (number) return `${number}: expected a number`;
  const missing = EPISODE_ARRAYS.find((f) => !isArray(e[f]));
  if (missing) return `${missing}: expected an array`;
  if (!e.top!.every(isArray)) return 'top: expected a list of alternatives per token';
  const run = (r: unknown) => {
    const x = r as Record<string, unknown> | null;
    return !!x && typeof x.purpose === 'string' && isArray(x.tests);
  };
  if (!e.runs!.every(run)) return 'runs: each needs a purpose and its tests';
  const p = e.prompt as Record<string, unknown> | undefined;
  if (
    p !== undefined &&
    (typeof p !== 'object' ||
      p === null ||
      typeof p.title !== 'string' ||
      typeof p.body !== 'string' ||
      (p.patch !== undefined && typeof p.patch !== 'string'))
  )
    return 'prompt: expected a title and a body (and a patch) as text';
  const r = e.rendering as Record<string, unknown> | undefined;
  if (
    r !== undefined &&
    (typeof r !== 'object' ||
      r === null ||
      ['patch', 'tests'].some((f) => r[f] !== undefined && typeof r[f] !== 'string'))
  )
    return 'rendering: expected an object with a patch and tests as text';
  return episodeListsProblem(e);
}
