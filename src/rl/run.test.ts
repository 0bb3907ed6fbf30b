import '../node/tf';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS } from '../core/corpus';
import { buildBuiltinTasks } from '../core/tasks/build';
import type { Task } from '../core/tasks/types';
import { validateTask } from '../core/tasks/validate';
import { createNodeSandbox } from '../node/sandbox';
import type { Checkpoint } from './checkpoint';
import { decodeCheckpoint, encodeCheckpoint } from './checkpointCodec';
import { QUICK_CONFIG } from './presets';
import type { StepEpisode, StepMetrics } from './grpo';
import { episodeRows, evalEpisodeRows } from './episodeRows';
import {
  evalsKeptThrough,
  runTraining,
  StoppedInWarmStart,
  type EvalEpisode,
  type EvalPoint,
} from './run';
import type { TrainConfig } from './config';

const sandbox = createNodeSandbox({ size: 2 });
afterAll(() => sandbox.dispose());

let tasks: Task[] = [];
beforeAll(async () => {
  await tf.setBackend('cpu');
  const project = CORPUS.find((p) => p.name === 'money')!;
  const built = await buildBuiltinTasks(sandbox, { seed: 2, projects: [project], maxMutants: 8 });
  for (const t of built.tasks) if ((await validateTask(t, sandbox)).ok) tasks.push(t);
  tasks = tasks.slice(0, 120);
}, 120_000);

const tiny: TrainConfig = {
  ...QUICK_CONFIG,
  name: 'tiny',
  warmStartPerKind: 4,
  warmStartEpochs: 1,
  steps: 4,
  tasksPerStep: 2,
  groupSize: 4,
  evalEvery: 0,
  evalSamples: 1,
  evalTasksPerKind: 2,
  testTasksPerKind: 2,
  bufferTasksPerKind: 10,
  model: { ...QUICK_CONFIG.model, dModel: 16, ffDim: 32, vocabSize: 300 },
};

/** The metrics that must repeat exactly (timings are wall-clock and never do). */
const stable = (ms: StepMetrics[]) =>
  ms.map(({ modelMs, sandboxMs, wallMs, episodesPerSecond, ...rest }) => {
    void [modelMs, sandboxMs, wallMs, episodesPerSecond];
    return rest;
  });

/** `evaluateOn` [] skips the evaluations (they cost most of a tiny run's time). */
const run = (config: TrainConfig, resume?: Checkpoint, evaluateOn: Task[] = tasks) =>
  runTraining(
    {
      config,
      train: tasks,
      val: evaluateOn,
      test: evaluateOn,
      sandbox,
      now: () => 0,
      ...(resume ? { resume } : {}),
    },
    { checkpointEvery: 2, onCheckpoint: (c) => void checkpoints.push(c) },
  );
let checkpoints: Checkpoint[] = [];

describe('runTraining on CPU', () => {
  it('gives identical metrics for the same seed and config, and resuming continues the same curves', async () => {
    // Validating every 2 steps: the checkpoint at step 2 comes right after a validation.
    const config = { ...tiny, evalEvery: 2, evalTasksPerKind: 1, testTasksPerKind: 1 };
    checkpoints = [];
    const a = await run(config);
    const atTwo = checkpoints.find((c) => c.step === 2)!;
    expect(a.metrics).toHaveLength(4);
    expect(a.warmStart?.losses[0]).toBeGreaterThan(0);
    // The same run again, without its evaluations (only its metrics are compared; each
    // evaluation draws from a stream of its own, so training does not depend on them).
    const b = await run(config, undefined, []);
    expect(stable(b.metrics)).toEqual(stable(a.metrics));
    // The checkpoint survives its JSON encoding bit for bit.
    const reloaded = decodeCheckpoint(JSON.parse(JSON.stringify(encodeCheckpoint(atTwo))));
    expect(reloaded.weights.map((w) => [...w.values])).toEqual(
      atTwo.weights.map((w) => [...w.values]),
    );
    const resumed = await run(config, reloaded);
    expect(stable(resumed.metrics)).toEqual(stable(a.metrics));
    // The warm start is kept as soon as it is made (before the step-0 validation), and a run
    // resumed from it trains the same steps.
    const atZero = checkpoints.find((c) => c.step === 0)!;
    expect(atZero.metrics).toEqual([]);
    expect(stable((await run(config, atZero, [])).metrics)).toEqual(stable(a.metrics));
    const finalA = a.evals.filter((e) => e.split === 'test').at(-1)!.result;
    const finalR = resumed.evals.filter((e) => e.split === 'test').at(-1)!.result;
    expect(finalR).toEqual(finalA);
    // Evaluations: what a resumed run keeps (through evalsKeptThrough) and what it evaluates
    // again make the whole run's, each once; from the final checkpoint too (taken after the
    // final evaluations, so a run interrupted between them evaluates again).
    const shape = (evals: EvalPoint[]) =>
      evals.map((e) => ({ step: e.step, split: e.split, bySkill: e.result.bySkill }));
    expect(shape(a.evals).map((e) => `${e.split}@${e.step}`)).toEqual([
      'val@0',
      'val@2',
      'val@4',
      'test@4',
    ]);
    const final = checkpoints.find((c) => c.step === 4);
    expect(final, 'the final checkpoint').toBeDefined();
    const fromEnd = await run(config, final);
    for (const [from, again] of [
      [2, resumed],
      [4, fromEnd],
    ] as const) {
      const kept = a.evals.filter((e) => e.step <= evalsKeptThrough(from, config.steps));
      expect(shape([...kept, ...again.evals]), `from ${from}`).toEqual(shape(a.evals));
    }
    expect(evalsKeptThrough(0, 4)).toBe(-1);
  }, 600_000);

  it('a different seed gives a different run', async () => {
    const config = { ...tiny, warmStartPerKind: 0, steps: 2 };
    const a = await run({ ...config, seed: 7 }, undefined, []);
    const b = await run({ ...config, seed: 8 }, undefined, []);
    expect(stable(a.metrics)).not.toEqual(stable(b.metrics));
  }, 600_000);
});

// The rest trains on wasm, the backend the app and `lab train` use (about three times faster
// than cpu here); determinism is checked on cpu above, as the issue asks.
describe('runTraining on wasm', () => {
  beforeAll(async () => {
    await tf.setBackend('wasm');
    await tf.ready();
    expect(tf.getBackend()).toBe('wasm');
  });

  it('a run stopped right after a validation does not validate again at the end', async () => {
    const config = { ...tiny, seed: 6, warmStartPerKind: 0, evalEvery: 2 };
    let stepped = 0;
    const review = tasks.filter((t) => t.kind === 'review');
    const out = await runTraining(
      { config, train: tasks, val: review, test: review, sandbox, now: () => 0 },
      { onStep: () => void stepped++, shouldStop: () => stepped >= 2 },
    );
    expect(out.evals.map((e) => `${e.split}@${e.step}`)).toEqual(['val@0', 'val@2', 'test@2']);
  }, 600_000);

  it('reports its phase as it goes: back to RL after each validation between steps', async () => {
    const config = { ...tiny, seed: 6, warmStartPerKind: 0, steps: 4, evalEvery: 2 };
    const phases: string[] = [];
    const review = tasks.filter((t) => t.kind === 'review').slice(0, 2);
    await runTraining(
      { config, train: tasks, val: review, test: review, sandbox, now: () => 0 },
      {
        onPhase: (phase, detail) => void phases.push(detail ? `${phase}: ${detail}` : phase),
        onStep: (m) => void phases.push(`step ${m.step}`),
      },
    );
    expect(phases).toEqual([
      'eval: val at step 0',
      'rl',
      'step 0',
      'step 1',
      'eval: val at step 2',
      'rl',
      'step 2',
      'step 3',
      'eval: val at step 4',
      'eval: test at step 4',
      'done',
    ]);
  }, 600_000);

  it('hands over every evaluation’s answers with their traces: what its scores average', async () => {
    const config = {
      ...tiny,
      seed: 5,
      warmStartPerKind: 0,
      steps: 1,
      evalSamples: 2,
      evalTasksPerKind: 1,
      testTasksPerKind: 1,
    };
    const handed: { point: EvalPoint; episodes: EvalEpisode[] }[] = [];
    const stepped: StepEpisode[][] = [];
    const out = await runTraining(
      { config, train: tasks, val: tasks, test: tasks, sandbox, now: () => 0 },
      {
        onEvalEpisodes: (point, episodes) => void handed.push({ point, episodes }),
        onStep: (_m, episodes) => void stepped.push(episodes),
      },
    );
    // Validation before the first step and at the end, then the test evaluation.
    expect(handed.map((h) => h.point)).toEqual(out.evals);
    expect(handed.map((h) => `${h.point.split}@${h.point.step}`)).toEqual([
      'val@0',
      'val@1',
      'test@1',
    ]);
    for (const { point, episodes } of handed) {
      expect(episodes).toHaveLength(point.result.episodes);
      for (const [kind, score] of Object.entries(point.result.bySkill)) {
        const mine = episodes.filter((e) => e.task.kind === kind);
        const mean = mine.reduce((a, e) => a + e.verification.reward, 0) / mine.length;
        expect(mean, `${point.split}@${point.step} ${kind}`).toBeCloseTo(score.meanReward, 12);
      }
      for (const e of episodes) expect(e.sample.labels).toHaveLength(e.sample.actions.length);
      // As stored: a group is one task's Avg@k answers, and its rewards are that task's score.
      const rows = evalEpisodeRows('r', config.seed, point, episodes);
      expect(
        rows.every((r) => r.source === point.split && r.step === point.step && r.advantage === 0),
      ).toBe(true);
      for (const r of rows) {
        const score = r.groupRewards.reduce((a, b) => a + b, 0) / r.groupRewards.length;
        expect(r.groupRewards).toHaveLength(2);
        expect(r.groupRewards[r.sampleIndex]).toBe(r.reward);
        expect(score).toBe(point.result.perTask![r.kind]![r.taskId]);
      }
      expect(new Set(rows.map((r) => `${r.groupIndex}.${r.sampleIndex}`)).size).toBe(rows.length);
    }
    // A training step's rows: a group is one task's GRPO group, each answer in its place.
    const trained = episodeRows('r', config.seed, 0, stepped[0]!);
    expect(trained).toHaveLength(config.tasksPerStep * config.groupSize);
    for (const r of trained) {
      expect(r.source).toBe('train');
      expect(r.groupRewards).toHaveLength(config.groupSize);
      expect(r.groupRewards[r.sampleIndex]).toBe(r.reward);
    }
  }, 600_000);

  it('self-imitation replay trains on held answers, checkpoints them, and resumes the same curves', async () => {
    const config = { ...tiny, seed: 5, steps: 5, tasksPerStep: 3, replayPerStep: 2 };
    checkpoints = [];
    const a = await run(config, undefined, []);
    const atTwo = checkpoints.find((c) => c.step === 2)!;
    const held = a.metrics.map((m) => m.replayHeld!);
    expect(held.every((n, i) => n >= (held[i - 1] ?? 0))).toBe(true);
    expect(held.at(-1), 'some group beat its mean').toBeGreaterThan(0);
    // Step 0 has nothing to replay; a later step replays replayPerStep once anything is held.
    expect(a.metrics[0]!.replayed).toBe(0);
    a.metrics.slice(1).forEach((m, i) => expect(m.replayed).toBe(held[i]! > 0 ? 2 : 0));
    // The checkpoint at step 2 holds answers, so the resumed run below restores them.
    expect(held[1]).toBeGreaterThan(0);
    expect(atTwo.replay).toHaveLength(held[1]!);
    // The update differs from the same run without replay once it replays (that run stops
    // after the first step that replays here: the steps after it are not compared).
    const first = a.metrics.findIndex((m) => m.replayed! > 0);
    let plainSteps = 0;
    const plain = await runTraining(
      {
        config: { ...config, replayPerStep: 0 },
        train: tasks,
        val: [],
        test: [],
        sandbox,
        now: () => 0,
      },
      { onStep: () => void plainSteps++, shouldStop: () => plainSteps > first },
    );
    expect(plain.metrics[first]!.loss).not.toBe(a.metrics[first]!.loss);
    expect(plain.metrics[0]!.replayed).toBeUndefined();
    // The held answers survive the checkpoint's JSON; resuming gives the same metrics.
    const reloaded = decodeCheckpoint(JSON.parse(JSON.stringify(encodeCheckpoint(atTwo))));
    const resumed = await run(config, reloaded, []);
    expect(stable(resumed.metrics)).toEqual(stable(a.metrics));
  }, 600_000);

  it('logs the share of each step’s answers cut short at the decoder’s step limit', async () => {
    // Six steps are too few for most answers (a localization answer alone takes more).
    const config = {
      ...tiny,
      warmStartPerKind: 0,
      steps: 2,
      model: { ...tiny.model, maxActLen: 6 },
    };
    const steps: { metrics: StepMetrics; episodes: StepEpisode[] }[] = [];
    await runTraining(
      { config, train: tasks, val: [], test: [], sandbox, now: () => 0 },
      { onStep: (metrics, episodes) => void steps.push({ metrics, episodes }) },
    );
    for (const { metrics, episodes } of steps) {
      const cut = episodes.filter((e) => e.sample.truncated).length;
      expect(metrics.truncated).toBe(cut / episodes.length);
    }
    expect(steps.some(({ metrics }) => metrics.truncated! > 0)).toBe(true);
    // The default limit leaves most answers whole.
    const whole = await run({ ...tiny, steps: 1 }, undefined, []);
    expect(whole.metrics[0]!.truncated).toBeLessThan(0.5);
  }, 600_000);

  it('dynamic sampling draws more tasks until enough groups disagree, within its limit', async () => {
    const config = { ...tiny, seed: 3, warmStartPerKind: 0, steps: 3, minSignalGroups: 2 };
    const { metrics } = await run(config, undefined, []);
    const drawn = metrics.map((m) => m.episodes / config.groupSize);
    for (const [i, m] of metrics.entries()) {
      const n = drawn[i]!;
      const signal = Math.round(n * (1 - m.flatGroups));
      expect(n).toBeGreaterThanOrEqual(config.tasksPerStep);
      expect(n).toBeLessThanOrEqual(3 * config.tasksPerStep);
      // It stops as soon as two groups disagree, or at the limit.
      expect(signal >= 2 || n === 3 * config.tasksPerStep).toBe(true);
      if (n > config.tasksPerStep) expect(signal).toBeLessThanOrEqual(2);
    }
    // An untrained policy agrees with itself on most tasks: some step had to draw more.
    expect(drawn.some((n) => n > config.tasksPerStep)).toBe(true);
  }, 600_000);
});

describe('runTraining: a warm start then RL', () => {
  beforeAll(async () => {
    await tf.setBackend('wasm');
    await tf.ready();
  });

  it('trains as the grid’s fork of that warm start does: RL starts with an Adam of its own', async () => {
    const config = { ...tiny, seed: 5, steps: 2 };
    const whole = await run(config, undefined, []);
    // The grid: a warm start alone, then an RL run from its weights (a new trainer).
    const warm = await run({ ...config, steps: 0 }, undefined, []);
    const forked = await runTraining({
      config,
      train: tasks,
      val: [],
      test: [],
      sandbox,
      now: () => 0,
      initFrom: warm.checkpoint,
    });
    expect(whole.metrics).toHaveLength(2);
    expect(stable(whole.metrics)).toEqual(stable(forked.metrics));
  }, 600_000);

  it('stops, and pauses, between the warm start’s batches; stopped before step 0, evaluates nothing', async () => {
    const config = { ...tiny, seed: 6, warmStartPerKind: 8, warmStartEpochs: 2 };
    const inputs = { config, train: tasks, val: tasks, test: tasks, sandbox, now: () => 0 };
    const before = tf.memory().numTensors;
    // Stop pressed during the first epoch: the cloning ends at the next batch, nothing is kept.
    let batches = 0;
    let stop = false;
    const kept: Checkpoint[] = [];
    const phases: string[] = [];
    await expect(
      runTraining(inputs, {
        waitIfPaused: () => {
          batches++;
          return Promise.resolve();
        },
        shouldStop: () => stop,
        onWarmEpoch: () => (stop = true),
        onCheckpoint: (c) => void kept.push(c),
        onPhase: (phase) => void phases.push(phase),
      }),
    ).rejects.toThrow(StoppedInWarmStart);
    // Awaited before each batch (a pause waits there): the first epoch's, then the second's first.
    expect(batches).toBeGreaterThan(2);
    expect(kept).toEqual([]);
    expect(phases).toEqual(['warm-start']);
    expect(tf.memory().numTensors).toBe(before);
    // Stopped once the warm start is done: its checkpoint, no evaluation, no step.
    let epochs = 0;
    const out = await runTraining(inputs, {
      shouldStop: () => epochs === config.warmStartEpochs,
      onWarmEpoch: () => void epochs++,
      onCheckpoint: (c) => void kept.push(c),
      onPhase: (phase) => void phases.push(phase),
    });
    expect(out.evals).toEqual([]);
    expect(out.metrics).toEqual([]);
    expect(out.checkpoint.step).toBe(0);
    expect(out.warmStart?.losses).toHaveLength(2);
    expect(kept.map((c) => c.step)).toEqual([0, 0]);
    expect(phases.slice(1)).toEqual(['warm-start', 'done']);
    expect(tf.memory().numTensors).toBe(before);
  }, 600_000);
});
