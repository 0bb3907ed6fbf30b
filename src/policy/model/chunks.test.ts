import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  blockMask,
  decoderQueryUnit,
  encoderQueryUnit,
  ownUnitSelector,
  planChunks,
  widenPointers,
} from './chunks';
import { NEG_INF } from './observations';

const layout = fc.integer({ min: 1, max: 40 }).chain((T) =>
  fc.record({
    T: fc.constant(T),
    units: fc.array(
      fc.record({ length: fc.integer({ min: 1, max: T }), rows: fc.integer({ min: 1, max: 4 }) }),
      {
        minLength: 1,
        maxLength: 12,
      },
    ),
    maxKeys: fc.integer({ min: 1, max: 120 }),
  }),
);

describe('planChunks', () => {
  it('covers every observation and row in order, within the key budget', () => {
    fc.assert(
      fc.property(layout, ({ T, units, maxKeys }) => {
        const chunks = planChunks(
          units.map((u) => u.length),
          units.map((u) => u.rows),
          T,
          maxKeys,
        );
        let unit = 0;
        let row = 0;
        for (const chunk of chunks) {
          expect(chunk.firstUnit).toBe(unit);
          expect(chunk.firstRow).toBe(row);
          expect(chunk.units === 1 || chunk.units * T <= maxKeys).toBe(true);
          expect(chunk.lengths).toEqual(units.slice(unit, unit + chunk.units).map((u) => u.length));
          const expectedRows = units
            .slice(unit, unit + chunk.units)
            .flatMap((u, i) => new Array<number>(u.rows).fill(i));
          expect(chunk.unitOfRow).toEqual(expectedRows);
          expect(chunk.rows).toBe(expectedRows.length);
          unit += chunk.units;
          row += chunk.rows;
        }
        expect(unit).toBe(units.length);
      }),
    );
  });

  it('packs short observations together and leaves long ones alone', () => {
    expect(planChunks([3, 4, 2], [1, 2, 1], 4, 8).map((c) => c.units)).toEqual([2, 1]);
    expect(planChunks([300, 280], [8, 8], 300).map((c) => c.units)).toEqual([1, 1]);
  });
});

describe('blockMask', () => {
  it('lets each query see exactly the real positions of its own observation', () => {
    fc.assert(
      fc.property(layout, ({ T, units }) => {
        const lengths = units.map((u) => u.length);
        const queries = lengths.length * T;
        const mask = blockMask(queries, encoderQueryUnit(T), lengths, T);
        if (lengths.length === 1 && lengths[0] === T) return void expect(mask).toBeNull();
        const width = lengths.length * T;
        expect(mask!.length).toBe(queries * width);
        let wrong = 0;
        for (let i = 0; i < queries; i++) {
          for (let j = 0; j < width; j++) {
            const own = Math.floor(j / T) === Math.floor(i / T);
            const real = j % T < lengths[Math.floor(j / T)]!;
            if (mask![i * width + j] !== (own && real ? 0 : NEG_INF)) wrong++;
          }
        }
        expect(wrong).toBe(0);
      }),
      { numRuns: 40 },
    );
  });
});

describe('pointer helpers', () => {
  const [chunk] = planChunks([2, 3], [1, 2], 3, 6); // one chunk: rows -> units [0, 1, 1]

  it('widens each row one-hot into its own observation block', () => {
    const S = 1;
    const T = 3;
    const prev = Float32Array.of(0, 1, 0, 1, 0, 0, 0, 0, 1);
    expect(Array.from(widenPointers(prev, chunk!, S, T))).toEqual([
      ...[0, 1, 0, 0, 0, 0],
      ...[0, 0, 0, 1, 0, 0],
      ...[0, 0, 0, 0, 0, 1],
    ]);
    expect(decoderQueryUnit(chunk!, 2)(3)).toBe(1);
  });

  it('selects each decoder row s own observation', () => {
    const all = [0, 1, 2, 3, 4, 5];
    expect(Array.from(ownUnitSelector(chunk!, 2, all))).toEqual([
      1, 0, 1, 0, 0, 1, 0, 1, 0, 1, 0, 1,
    ]);
    // Only some output steps: the first row's second step and the last row's first.
    expect(Array.from(ownUnitSelector(chunk!, 2, [1, 4]))).toEqual([1, 0, 0, 1]);
  });
});
