import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decoderInputs, outputSteps, POINTER_FEATURES, writeStepMask } from './inputs';
import {
  chunkInputs,
  DECODER_RUN_STEPS,
  flattenSteps,
  packTraining,
  repeatPerStep,
} from './trainingInputs';
import { NEG_INF, packObservations } from './observations';
import { observation, tinyConfig } from './testUtils';

const config = tinyConfig(); // V = 16, maxObsLen = 32, maxActLen = 8, 4 segment types
const V = config.vocabSize;

describe('decoderInputs', () => {
  it('feeds START, then each previous action as a vocab id or a pointer one-hot', () => {
    const T = 5;
    const inputs = decoderInputs([[3, V + 4, V + 0], [7]], 4, V, T);
    expect(Array.from(inputs.prevVocab)).toEqual([V, 3, -1, -1, V, 7, -1, -1]);
    const ones = [...inputs.prevPointer.keys()].filter((i) => inputs.prevPointer[i] === 1);
    // Row 0: step 2 points at 4, step 3 points at 0.
    expect(ones).toEqual([2 * T + 4, 3 * T + 0]);
  });

  it("names the word each step's previous pointer pointed at (-1 after a vocabulary action)", () => {
    const wordAt = (row: number, pos: number) => 100 * row + pos;
    const prefixes = [[V + 4, 3, V + 2], [V + 1]];
    const full = decoderInputs(prefixes, 4, V, 6, { wordAt }).pointedWord;
    expect(Array.from(full)).toEqual([-1, 4, -1, 2, -1, 101, -1, -1]);
    const last = decoderInputs(prefixes, 4, V, 6, { wordAt, outputs: 'last' }).pointedWord;
    expect(Array.from(last)).toEqual([2, -1]);
    const real = decoderInputs(prefixes, 4, V, 6, { wordAt, outputs: 'real' }).pointedWord;
    expect(Array.from(real)).toEqual([-1, 4, -1, -1]);
    expect(Array.from(decoderInputs(prefixes, 4, V, 6).pointedWord)).toEqual(new Array(8).fill(-1));
  });

  it('numbers steps within each answer part: after partEnd the position starts at 0 again', () => {
    const END = 2;
    const prefixes = [
      [V + 1, END, V + 3, 5, END],
      [V + 1, V + 2],
    ];
    const parts = decoderInputs(prefixes, 6, V, 5, { partEnd: END }).positions;
    expect(Array.from(parts)).toEqual([0, 1, 0, 1, 2, 0, 0, 1, 2, 3, 4, 5]);
    // Without partEnd (or on a one-part answer) positions are the step numbers.
    const whole = decoderInputs(prefixes, 6, V, 5).positions;
    expect(Array.from(whole)).toEqual([0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5]);
  });
});

describe('pointer features', () => {
  const T = 6;
  const F = POINTER_FEATURES;
  /** Feature f of position p at step t (row 0), from inputs with all steps. */
  const at = (x: Float32Array, t: number, p: number, f: number) => x[(t * T + p) * F + f]!;

  it('mark positions already pointed at, positions after the last pointer, and how close', () => {
    const { pointerFeatures: x } = decoderInputs([[3, V + 4, V + 1]], 4, V, T);
    // Before any pointer (and after a vocabulary action, which moves nothing), every position
    // is "after" position -1, the first one the closest.
    for (const t of [0, 1]) {
      expect([0, 1, 2, 3, 4, 5].map((p) => at(x, t, p, 0))).toEqual([0, 0, 0, 0, 0, 0]);
      expect([0, 1, 2, 3, 4, 5].map((p) => at(x, t, p, 1))).toEqual([1, 1, 1, 1, 1, 1]);
      expect(at(x, t, 0, 2)).toBeCloseTo(1, 6);
      expect(at(x, t, 1, 2)).toBeCloseTo(Math.exp(-1 / 4), 6);
    }
    // Step 2 follows the pointer at 4.
    expect([0, 1, 2, 3, 4, 5].map((p) => at(x, 2, p, 0))).toEqual([0, 0, 0, 0, 1, 0]);
    expect([0, 1, 2, 3, 4, 5].map((p) => at(x, 2, p, 1))).toEqual([0, 0, 0, 0, 0, 1]);
    expect(at(x, 2, 5, 2)).toBeCloseTo(1, 6);
    // Step 3 follows pointers at 4 then 1: both covered; after and closeness count from 1.
    expect([0, 1, 2, 3, 4, 5].map((p) => at(x, 3, p, 0))).toEqual([0, 1, 0, 0, 1, 0]);
    expect([0, 1, 2, 3, 4, 5].map((p) => at(x, 3, p, 1))).toEqual([0, 0, 1, 1, 1, 1]);
    expect(at(x, 3, 2, 2)).toBeCloseTo(1, 6);
    expect(at(x, 3, 3, 2)).toBeCloseTo(Math.exp(-1 / 4), 6);
    expect(at(x, 3, 3, 2)).toBeGreaterThan(at(x, 3, 5, 2));
  });

  it('start afresh in a new answer part: nothing covered, every position after -1', () => {
    const END = 2;
    const prefix = [V + 3, END];
    const { pointerFeatures: parted } = decoderInputs([prefix], 3, V, T, { partEnd: END });
    const { pointerFeatures: fresh } = decoderInputs([[]], 1, V, T);
    const step2 = Array.from(parted.subarray(2 * T * F, 3 * T * F));
    expect(step2).toEqual(Array.from(fresh));
    // Without partEnd the pointer at 3 still counts.
    const { pointerFeatures: joined } = decoderInputs([prefix], 3, V, T);
    expect(at(joined, 2, 3, 0)).toBe(1);
  });

  it('for the last step only, match that step of the full layout', () => {
    const prefixes = [[V + 2, 5, V + 3], [1]];
    const full = decoderInputs(prefixes, 4, V, T).pointerFeatures;
    const last = decoderInputs(prefixes, 4, V, T, { outputs: 'last' }).pointerFeatures;
    expect(last.length).toBe(2 * T * F);
    for (let b = 0; b < 2; b++) {
      const want = full.subarray((b * 4 + 3) * T * F, (b * 4 + 4) * T * F);
      expect(Array.from(last.subarray(b * T * F, (b + 1) * T * F))).toEqual(Array.from(want));
    }
  });

  it('for the real steps only, match those steps of the full layout, row by row', () => {
    const prefixes = [[V + 2, 5, V + 3], [1]];
    const full = decoderInputs(prefixes, 4, V, T).pointerFeatures;
    const real = decoderInputs(prefixes, 4, V, T, { outputs: 'real' });
    const steps = [0, 1, 2, 4]; // row 0's three steps, row 1's one (of 4 per row)
    expect(Array.from(real.outputs)).toEqual(steps);
    expect(real.pointerFeatures.length).toBe(steps.length * T * F);
    steps.forEach((at, k) => {
      const want = full.subarray(at * T * F, (at + 1) * T * F);
      const got = real.pointerFeatures.subarray(k * T * F, (k + 1) * T * F);
      expect(Array.from(got)).toEqual(Array.from(want));
    });
  });
});

describe('outputSteps', () => {
  it('lists every step, each row s last, or each row s real steps as indices into rows x steps', () => {
    const prefixes = [[1, 2], [], [3, 4, 5]];
    expect(Array.from(outputSteps(prefixes, 3, 'all'))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(Array.from(outputSteps(prefixes, 3, 'last'))).toEqual([2, 5, 8]);
    expect(Array.from(outputSteps(prefixes, 3, 'real'))).toEqual([0, 1, 6, 7, 8]);
  });
});

describe('writeStepMask', () => {
  it('opens exactly the allowed ids and checks their range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.uniqueArray(fc.nat(25)), (len, ids) => {
        const width = V + len;
        const out = new Float32Array(width + 2).fill(7);
        const valid = ids.every((id) => id < width);
        const write = () => writeStepMask(ids, out, 1, V, width, len);
        if (ids.length === 0 || !valid) return void expect(write).toThrow(RangeError);
        write();
        expect(out[0]).toBe(7);
        expect(out[width + 1]).toBe(7);
        for (let i = 0; i < width; i++) expect(out[1 + i]).toBe(ids.includes(i) ? 0 : NEG_INF);
      }),
    );
  });
});

describe('packTraining', () => {
  const obs = [observation([1, 2, 3]), observation([4, 5])];
  const packed = packObservations(obs, config);

  it('keeps the real steps only: their masks and chosen actions, row by row', () => {
    const batch = {
      observations: obs,
      actions: [[V + 2, 0], [5]],
      allowed: [[[V + 2], [0, 1]], [[5]]],
    };
    const t = packTraining(batch, packed, config);
    // Both short observations share one chunk, padded to its longest answer.
    expect(t.parts).toHaveLength(1);
    expect(t.parts[0]!.inputs.steps).toBe(2);
    expect(Array.from(t.parts[0]!.inputs.outputs)).toEqual([0, 1, 2]);
    expect(Array.from(t.chosen)).toEqual([V + 2, 0, 5]);
    expect(t.answerLengths).toEqual([2, 1]);
    const width = V + 3;
    expect(t.mask.length).toBe(3 * width);
    // Row 1 (observation of 2 tokens) step 0: only id 5 is open.
    const row1 = Array.from(t.mask.subarray(2 * width, 3 * width));
    expect(row1.map((x, i) => (x === 0 ? i : -1)).filter((i) => i >= 0)).toEqual([5]);
    expect(
      Array.from(
        flattenSteps(
          [
            [-1, -2],
            [-3, 99],
          ],
          t,
        ),
      ),
    ).toEqual([-1, -2, -3]);
    expect(Array.from(repeatPerStep([0.5, -1], t))).toEqual([0.5, 0.5, -1]);
  });

  it('refuses actions outside their allowed set, pointers past the observation and long answers', () => {
    const one = [observation([1, 2])];
    const pack1 = packObservations(one, config);
    expect(() =>
      packTraining({ observations: one, actions: [[3]], allowed: [[[4]]] }, pack1, config),
    ).toThrow(/not in its allowed set/);
    expect(() =>
      packTraining({ observations: one, actions: [[V + 2]], allowed: [[[V + 2]]] }, pack1, config),
    ).toThrow(/outside/);
    const long = new Array<number>(config.maxActLen + 1).fill(1);
    expect(() =>
      packTraining(
        { observations: one, actions: [long], allowed: [long.map(() => [1])] },
        pack1,
        config,
      ),
    ).toThrow(/maxActLen/);
    expect(() =>
      packTraining({ observations: one, actions: [[]], allowed: [[]] }, pack1, config),
    ).toThrow(/no actions/);
    expect(() =>
      flattenSteps(
        [[NaN]],
        packTraining({ observations: one, actions: [[1]], allowed: [[[1]]] }, pack1, config),
      ),
    ).toThrow(/finite/);
  });
});

describe('chunkInputs', () => {
  // Observations of 200 positions: each one a chunk of its own (CHUNK_KEYS 256).
  const wide = tinyConfig({ maxObsLen: 300 });
  const long = (k: number) => observation(Array.from({ length: 200 }, (_, i) => (i * k) % V));
  const rowsOf = (obs: ReturnType<typeof long>, n: number, steps: number) =>
    Array.from({ length: n }, () => ({ obs, actions: new Array<number>(steps).fill(1) }));
  const parts = (rows: { obs: ReturnType<typeof long>; actions: number[] }[]) =>
    chunkInputs(
      rows.map((r) => r.actions),
      packObservations(
        rows.map((r) => r.obs),
        wide,
      ),
      wide,
    ).map((p) => [p.firstChunk, p.chunks, p.inputs.steps]);

  it('decodes neighbouring chunks together unless that pads more than a run costs', () => {
    expect(DECODER_RUN_STEPS).toBe(32);
    // 10 rows of 1 step and 10 of 8: together 160 padded steps, apart 10 + 80 + 32.
    expect(parts([...rowsOf(long(3), 10, 1), ...rowsOf(long(5), 10, 8)])).toEqual([
      [0, 1, 1],
      [1, 1, 8],
    ]);
    // A few rows each: together (4 x 8 = 32) costs less than apart (2 + 16 + 32).
    expect(parts([...rowsOf(long(3), 2, 1), ...rowsOf(long(5), 2, 8)])).toEqual([[0, 2, 8]]);
    // A run of empty answers has nothing to decode.
    expect(parts([...rowsOf(long(3), 40, 0), ...rowsOf(long(5), 10, 8)])).toEqual([[1, 1, 8]]);
  });
});
