import { isRngState } from '../core/rng';
import type { NamedArray } from '../policy/model';
import type { TrainConfig } from './config';
import type { StepMetrics } from './grpo';
import type { ReplayEntry } from './replay';

/** Everything needed to resume a run exactly: weights, optimiser, RNG streams, config, step. */
export interface Checkpoint {
  format: 'atomic-skills-lab/checkpoint';
  version: 1;
  config: TrainConfig;
  step: number;
  vocabulary: string[];
  weights: NamedArray[];
  optimizer: NamedArray[];
  reference: NamedArray[] | null;
  rng: { tasks: number[]; decode: number[] };
  /** Metrics so far, so a resumed run continues the same curves. */
  metrics: StepMetrics[];
  /** Self-imitation replay's held answers (`replayPerStep` runs only). */
  replay?: ReplayEntry[];
}

/** Why a value is not a checkpoint this app can load, or null. */
export function checkCheckpoint(value: unknown): string | null {
  const c = value as Partial<Checkpoint> | null;
  if (!c || typeof c !== 'object') return 'not an object';
  if (c.format !== 'atomic-skills-lab/checkpoint')
    return 'format is not atomic-skills-lab/checkpoint';
  if (c.version !== 1) return `version ${String(c.version)} is not supported`;
  if (!Array.isArray(c.weights) || !Array.isArray(c.vocabulary))
    return 'weights or vocabulary missing';
  if (typeof c.step !== 'number') return 'step missing';
  if (!c.config || typeof c.config !== 'object') return 'config missing';
  if (!Array.isArray(c.optimizer)) return 'optimizer state missing';
  if (c.reference != null && !Array.isArray(c.reference)) return 'reference is not a list';
  if (!Array.isArray(c.metrics)) return 'metrics missing';
  if (!c.rng || !isRngState(c.rng.tasks) || !isRngState(c.rng.decode))
    return 'rng is not two RNG states (tasks, decode) of four unsigned 32-bit integers each';
  if (c.replay !== undefined && !Array.isArray(c.replay)) return 'replay is not a list';
  return null;
}
