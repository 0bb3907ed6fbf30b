import { ATOMIC_SKILLS, type AtomicSkill, type TaskKind } from '../core/tasks/types';
import { DEFAULT_CONFIG, type TrainConfig } from './config';

/** A named configuration shipped with the app (the Train page's presets, the CLI's --config). */
export interface Preset {
  id: string;
  label: string;
  description: string;
  config: TrainConfig;
}

/** The quick demo: a small model and buffer that shows rewards rising within about two minutes. */
export const QUICK_CONFIG: TrainConfig = {
  ...DEFAULT_CONFIG,
  name: 'quick',
  warmStartPerKind: 24,
  warmStartEpochs: 2,
  steps: 40,
  tasksPerStep: 6,
  groupSize: 8,
  warmStartLearningRate: 2e-3,
  learningRate: 2e-3,
  // The demo as measured in the browser e2e (the default recipe changed these on 2026-12-02).
  advantageStd: false,
  keepFlatGroups: false,
  warmupSteps: 3,
  evalEvery: 10,
  evalSamples: 1,
  evalTasksPerKind: 8,
  testTasksPerKind: 20,
  bufferTasksPerKind: 40,
  model: {
    ...DEFAULT_CONFIG.model,
    dModel: 32,
    heads: 2,
    encoderLayers: 1,
    decoderLayers: 1,
    ffDim: 64,
    vocabSize: 600,
  },
};

/** A baseline of the paper's grid, as a configuration of the same trainer. */
export type Baseline =
  | { kind: 'untrained' }
  | { kind: 'warm-start' }
  | { kind: 'joint' }
  | { kind: 'single'; skill: AtomicSkill }
  | { kind: 'composite-only' };

/** The configuration of one baseline, derived from a base config (its model, sizes and seed). */
export function baselineConfig(base: TrainConfig, baseline: Baseline): TrainConfig {
  const rl = (name: string, trainKinds: TaskKind[]): TrainConfig => ({
    ...base,
    name,
    trainKinds,
  });
  switch (baseline.kind) {
    case 'untrained':
      return { ...base, name: 'untrained', warmStartPerKind: 0, steps: 0 };
    case 'warm-start':
      return { ...base, name: 'warm-start', steps: 0 };
    case 'joint':
      return rl('joint-rl', [...ATOMIC_SKILLS]);
    case 'single':
      return rl(`single-${baseline.skill}`, [baseline.skill]);
    case 'composite-only':
      return rl('composite-only', ['bugfix']);
  }
}

/** Every baseline of the paper's grid, in the order of the table's columns. */
export const PAPER_GRID: Baseline[] = [
  { kind: 'untrained' },
  { kind: 'warm-start' },
  { kind: 'joint' },
  ...ATOMIC_SKILLS.map((skill): Baseline => ({ kind: 'single', skill })),
  { kind: 'composite-only' },
];

export const baselineName = (b: Baseline): string => baselineConfig(DEFAULT_CONFIG, b).name;

/** The presets: the quick demo and the paper's grid on the default recipe. */
export const PRESETS: Preset[] = [
  {
    id: 'quick',
    label: 'Quick demo',
    description: 'A small model on a small buffer: rewards rise within about two minutes.',
    config: QUICK_CONFIG,
  },
  ...PAPER_GRID.map((b): Preset => {
    const config = baselineConfig(DEFAULT_CONFIG, b);
    const what: Record<Baseline['kind'], string> = {
      untrained: 'No training at all: the randomly initialised policy.',
      'warm-start': 'Only the supervised warm start on verified oracle answers.',
      joint: 'Warm start, then joint GRPO on all five atomic skills (the paper’s recipe).',
      single: 'Warm start, then GRPO on one atomic skill only.',
      'composite-only': 'Warm start, then GRPO on bug fixing only (the composite-only baseline).',
    };
    return { id: config.name, label: config.name, description: what[b.kind], config };
  }),
];

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
