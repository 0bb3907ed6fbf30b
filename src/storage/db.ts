import Dexie, { type Table } from 'dexie';
import type { Task } from '../core/tasks/types';
import type { EpisodeRecord } from '../protocol/episodes';
import type { Kept } from '../protocol/kept';
import type {
  ConfigEvent,
  EvalRecord,
  RunSummary,
  StepPoint,
  SuiteKinds,
} from '../protocol/training';
import type { TrainConfig } from '../rl/config';
import type { Checkpoint } from '../rl/checkpoint';
import type { SuiteSpec } from '../rl/suiteSource';

/** A run as stored: its summary and its full config. */
export interface RunRecord extends RunSummary {
  config: TrainConfig;
  /** Where the run's tasks came from, and its key in `suites`. */
  suite: SuiteSpec;
  suiteKey: string;
}

export interface PointRecord {
  runId: string;
  step: number;
  elapsedMs: number;
  point: StepPoint;
}

export interface EvalRow extends EvalRecord {
  id?: number;
  runId: string;
}

export interface EventRow extends ConfigEvent {
  id?: number;
  runId: string;
}

export interface CheckpointRow {
  runId: string;
  step: number;
  savedAt: number;
  checkpoint: Checkpoint;
}

export type { EpisodeRecord } from '../protocol/episodes';

/** A cached suite's row; its tasks are in `suiteParts` (see storage/suites.ts). */
export interface SuiteRow {
  key: string;
  builtAt: number;
  invalid: { id: string; reason: string }[];
  /** Stored parts, numbered from 0 (absent in rows cached before parts). */
  parts?: number;
  taskCount?: number;
  /** JSON bytes of the tasks. */
  bytes?: number;
  /** Which part holds each task, by id. */
  partOf?: Record<string, number>;
  /** The task kinds each split holds (absent in rows cached before it was kept). */
  kinds?: SuiteKinds;
  /** The tasks themselves, in rows cached before parts (schema version 2 and earlier). */
  tasks?: Task[];
}

/** Some of a cached suite's tasks, in order: part `part` of the suite `key`. */
export interface SuitePartRow {
  key: string;
  part: number;
  tasks: Task[];
}

/** A kept Evaluate-page result; its id is given by the store. */
export type KeptRow = Omit<Kept, 'id'> & { id?: number };

/** The first schema (version 1; a version, once shipped, never changes: later ones add to it). */
export const SCHEMA_V1: Readonly<Record<string, string>> = {
  runs: 'id, createdAt, status',
  points: '[runId+step], runId',
  evals: '++id, runId, [runId+step]',
  events: '++id, runId',
  checkpoints: '[runId+step], runId',
  episodes: '++id, runId, [runId+step], taskId',
  suites: 'key',
};

/** The app's IndexedDB: runs, metrics, config events, checkpoints, episodes, built suites and kept results. */
export class LabDatabase extends Dexie {
  runs!: Table<RunRecord, string>;
  points!: Table<PointRecord, [string, number]>;
  evals!: Table<EvalRow, number>;
  events!: Table<EventRow, number>;
  checkpoints!: Table<CheckpointRow, [string, number]>;
  episodes!: Table<EpisodeRecord, number>;
  suites!: Table<SuiteRow, string>;
  suiteParts!: Table<SuitePartRow, [string, number]>;
  kept!: Table<KeptRow, number>;

  constructor(name = 'atomic-skills-lab') {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    // Episodes by source and step: a run's final test-evaluation answers beside its training
    // steps' (which the by-step index alone could not tell apart).
    this.version(2).stores({
      episodes: '++id, runId, [runId+source+step], taskId',
    });
    // Suites in parts: one IndexedDB value may not exceed 133,169,152 bytes in Chromium, and
    // the whole corpus's suite is some 610 MB.
    this.version(3).stores({ suiteParts: '[key+part], key' });
    // The Evaluate page's results (external task files' evaluations, external models' scores).
    this.version(4).stores({ kept: '++id, job, createdAt' });
  }
}

let shared: LabDatabase | null = null;

/** One connection per JavaScript realm (the page and the trainer worker each open their own). */
export function labDb(): LabDatabase {
  return (shared ??= new LabDatabase());
}

export { ACTIVE_STATUSES } from '../protocol/training';
