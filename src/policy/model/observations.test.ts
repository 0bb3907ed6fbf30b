import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { groupedOrder, packObservations, validateObservation } from './observations';
import { observation, tinyConfig } from './testUtils';

const config = tinyConfig(); // V = 16, maxObsLen = 32, 4 segment types
const V = config.vocabSize;

const obsArb = fc
  .array(fc.record({ t: fc.nat(V - 1), s: fc.nat(config.segmentTypes - 1) }), {
    minLength: 1,
    maxLength: config.maxObsLen,
  })
  .map((cells) =>
    observation(
      cells.map((c) => c.t),
      cells.map((c) => c.s),
    ),
  );

describe('packObservations', () => {
  it('pads to the longest, masks the padding and shares identical observations', () => {
    fc.assert(
      fc.property(fc.array(obsArb, { minLength: 1, maxLength: 5 }), fc.nat(4), (list, dup) => {
        const unordered = [...list, list[dup % list.length]!];
        const order = groupedOrder(unordered);
        const batch = order.map((i) => unordered[i]!);
        const packed = packObservations(batch, config);
        const T = Math.max(...batch.map((o) => o.tokens.length));
        expect(packed.length).toBe(T);
        expect(packed.rowOf[order.indexOf(list.length)]).toBe(
          packed.rowOf[order.indexOf(dup % list.length)],
        );
        expect(packed.unique).toBeLessThanOrEqual(list.length);
        expect(packed.groups.reduce((a, b) => a + b, 0)).toBe(batch.length);
        expect([...order].sort((a, b) => a - b)).toEqual(unordered.map((_, i) => i));
        batch.forEach((obs, b) => {
          const u = packed.rowOf[b]!;
          expect(Array.from(packed.tokens.subarray(u * T, u * T + obs.tokens.length))).toEqual(
            Array.from(obs.tokens),
          );
          expect(packed.unitLengths[u]).toBe(obs.tokens.length);
          expect(
            packed.tokens.subarray(u * T + obs.tokens.length, (u + 1) * T).every((t) => t === 0),
          ).toBe(true);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('rejects observations the model cannot read', () => {
    const bad = [
      observation([]),
      observation(new Array<number>(config.maxObsLen + 1).fill(1)),
      observation([1, V]),
      observation([1, -1]),
      observation([1, 2], [0, config.segmentTypes]),
      { tokens: Int32Array.of(1, 2), segments: Int32Array.of(0) },
    ];
    for (const obs of bad) expect(() => validateObservation(obs, config)).toThrow(RangeError);
    expect(() => packObservations([], config)).toThrow(/at least one/);
  });

  it('needs identical observations on consecutive rows, which groupedOrder arranges', () => {
    const a = observation([1, 2]);
    const b = observation([3]);
    expect(() => packObservations([a, b, observation([1, 2])], config)).toThrow(/consecutive/);
    expect(groupedOrder([a, b, observation([1, 2]), b])).toEqual([0, 2, 1, 3]);
    expect(packObservations([a, a, b], config).groups).toEqual([2, 1]);
  });
});
