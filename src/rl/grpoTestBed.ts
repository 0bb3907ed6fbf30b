// Test support (imported by tests only): the Node sandbox and corpus tasks a GRPO step needs,
// and a trainer whose update batches are recorded.
import '../node/tf';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll } from 'vitest';
import { createRng } from '../core/rng';
import type { Task } from '../core/tasks/types';
import type { PolicyTrainer, TrainBatch } from '../policy/model';
import { taskBed } from '../cli/testFixtures';
import { TaskBuffer } from './buffer';
import type { GrpoContext } from './grpo';

/**
 * `taskBed(count)` on the CPU backend.
 */
export function grpoTestBed(count = 60): ReturnType<typeof taskBed> {
  beforeAll(() => tf.setBackend('cpu'));
  return taskBed(count);
}

/** Records every batch `trainer.grpoStep` trains on (advantages copied), then trains on it. */
export function recordBatches(trainer: PolicyTrainer): TrainBatch[] {
  const batches: TrainBatch[] = [];
  const real = trainer.grpoStep.bind(trainer);
  trainer.grpoStep = (batch, loss) => {
    batches.push({ ...batch, advantages: batch.advantages.slice() });
    return real(batch, loss);
  };
  return batches;
}

/**
 * A GRPO step's context over the bed's sandbox and tasks (no KL reference, fixed streams 1 and
 * 2, a clock at 0); `parts` adds or overrides fields.
 */
export function bedContext(
  bed: { sandbox: GrpoContext['sandbox']; tasks: Task[] },
  parts: Pick<GrpoContext, 'agent' | 'trainer' | 'config'> & Partial<GrpoContext>,
): GrpoContext {
  return {
    reference: null,
    sandbox: bed.sandbox,
    buffer: new TaskBuffer(bed.tasks),
    streams: { tasks: createRng(1), decode: createRng(2) },
    now: () => 0,
    ...parts,
  };
}
