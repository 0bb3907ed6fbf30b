import { accuracy, classScores, macroAverage, perClass } from './metrics.js';

const actual = ['a', 'b', 'a', 'c', 'b', 'a'];
const predicted = ['a', 'a', 'a', 'c', 'c', 'b'];

describe('accuracy', () => {
  it('is the fraction of matches', () => {
    expect(accuracy(['a', 'b', 'a', 'b'], ['a', 'b', 'b', 'b'])).toBe(0.75);
    expect(accuracy(actual, predicted)).toBe(0.5);
  });
  it('is 1 when all match and 0 when none do', () => {
    expect(accuracy([1, 2], [1, 2])).toBe(1);
    expect(accuracy([1, 2], [2, 1])).toBe(0);
  });
  it('rejects empty or mismatched input', () => {
    expect(() => accuracy([], [])).toThrow(RangeError);
    expect(() => accuracy([1], [1, 2])).toThrow('same length');
  });
});

describe('classScores', () => {
  it('computes precision, recall, F1 and support', () => {
    const s = classScores(['a', 'b', 'a'], ['a', 'a', 'a'], 'a');
    expect(s.precision).toBeCloseTo(2 / 3, 12);
    expect(s.recall).toBe(1);
    expect(s.f1).toBeCloseTo(0.8, 12);
    expect(s.support).toBe(2);
  });
  it('scores class a of the shared data', () => {
    const s = classScores(actual, predicted, 'a');
    expect(s.precision).toBeCloseTo(2 / 3, 12);
    expect(s.recall).toBeCloseTo(2 / 3, 12);
    expect(s.f1).toBeCloseTo(2 / 3, 12);
    expect(s.support).toBe(3);
  });
  it('returns zeros rather than NaN when a class is never predicted', () => {
    expect(classScores(['a', 'b'], ['b', 'b'], 'a')).toEqual({
      precision: 0,
      recall: 0,
      f1: 0,
      support: 1,
    });
  });
  it('returns zero recall and support for a class that never occurs', () => {
    expect(classScores(['b'], ['a'], 'a')).toEqual({ precision: 0, recall: 0, f1: 0, support: 0 });
  });
  it('gives recall 0.5 when hits equal misses', () => {
    expect(classScores(['a', 'a'], ['a', 'b'], 'a')).toEqual({
      precision: 1,
      recall: 0.5,
      f1: 2 / 3,
      support: 2,
    });
  });
  it('distinguishes precision from recall', () => {
    const s = classScores(['a', 'a', 'a', 'b'], ['a', 'b', 'b', 'b'], 'a');
    expect(s.precision).toBe(1);
    expect(s.recall).toBeCloseTo(1 / 3, 12);
    expect(s.f1).toBeCloseTo(0.5, 12);
  });
});

describe('perClass', () => {
  it('reports every label', () => {
    const r = perClass(actual, predicted);
    expect(Object.keys(r)).toEqual(['a', 'b', 'c']);
    expect(r.b).toEqual({ precision: 0, recall: 0, f1: 0, support: 2 });
    expect(r.c.precision).toBe(0.5);
    expect(r.c.recall).toBe(1);
    expect(r.c.support).toBe(1);
  });
  it('handles a single perfect label', () => {
    expect(perClass(['x'], ['x'])).toEqual({ x: { precision: 1, recall: 1, f1: 1, support: 1 } });
  });
});

describe('macroAverage', () => {
  it('is 1 for perfect predictions', () => {
    expect(macroAverage(['a', 'b'], ['a', 'b'])).toEqual({ precision: 1, recall: 1, f1: 1 });
  });
  it('averages classes without weighting by support', () => {
    const m = macroAverage(actual, predicted);
    expect(m.precision).toBeCloseTo((2 / 3 + 0 + 0.5) / 3, 12);
    expect(m.recall).toBeCloseTo((2 / 3 + 0 + 1) / 3, 12);
    expect(m.f1).toBeCloseTo((2 / 3 + 0 + 2 / 3) / 3, 12);
  });
  it('is 0 when everything is wrong', () => {
    expect(macroAverage(['a', 'b'], ['b', 'a'])).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});
