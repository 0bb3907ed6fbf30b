import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decoderInputs, packTraining, padPerStep, writeStepMask } from './inputs';
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

  it('pads steps, weights real ones and keeps the chosen actions', () => {
    const batch = {
      observations: obs,
      actions: [[V + 2, 0], [5]],
      allowed: [[[V + 2], [0, 1]], [[5]]],
    };
    const t = packTraining(batch, packed, config);
    expect(t.steps).toBe(2);
    expect(Array.from(t.weights)).toEqual([1, 1, 1, 0]);
    expect(Array.from(t.chosen)).toEqual([V + 2, 0, 5, 0]);
    expect(t.realSteps).toBe(3);
    const width = V + 3;
    expect(t.mask.subarray(3 * width, 4 * width).every((x) => x === 0)).toBe(true);
    expect(
      Array.from(
        padPerStep(
          [
            [-1, -2],
            [-3, 99],
          ],
          t,
        ),
      ),
    ).toEqual([-1, -2, -3, 0]);
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
      padPerStep(
        [[NaN]],
        packTraining({ observations: one, actions: [[1]], allowed: [[[1]]] }, pack1, config),
      ),
    ).toThrow(/finite/);
  });
});
