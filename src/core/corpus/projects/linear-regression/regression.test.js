import { fit, predict, residuals, rSquared } from './regression.js';

describe('fit', () => {
  it('recovers an exact line', () => {
    expect(fit([0, 1, 2], [1, 3, 5])).toEqual({ slope: 2, intercept: 1 });
    expect(fit([1, 2], [5, 3])).toEqual({ slope: -2, intercept: 7 });
  });
  it('fits noisy data by least squares', () => {
    const m = fit([1, 2, 3, 4], [2, 3, 5, 6]);
    expect(m.slope).toBeCloseTo(1.4, 12);
    expect(m.intercept).toBeCloseTo(0.5, 12);
  });
  it('gives a flat line for constant targets', () => {
    expect(fit([1, 2, 3], [4, 4, 4])).toEqual({ slope: 0, intercept: 4 });
  });
  it('rejects fewer than two points', () => {
    expect(() => fit([1], [1])).toThrow('need at least 2 points');
  });
  it('rejects vertical data', () => {
    expect(() => fit([2, 2], [1, 5])).toThrow('xs must not all be equal');
  });
});

describe('predict', () => {
  const model = { slope: 2, intercept: 1 };
  it('evaluates a single input', () => {
    expect(predict(model, 3)).toBe(7);
    expect(predict(model, -1)).toBe(-1);
  });
  it('evaluates a list of inputs', () => {
    expect(predict(model, [0, 3])).toEqual([1, 7]);
    expect(predict(model, [])).toEqual([]);
  });
  it('rejects a malformed model', () => {
    expect(() => predict({ slope: 1 }, 1)).toThrow(TypeError);
    expect(() => predict(null, 1)).toThrow('model must have numeric slope and intercept');
  });
});

describe('residuals', () => {
  it('subtracts the prediction from the target', () => {
    expect(residuals({ slope: 1, intercept: 0 }, [1, 2], [2, 1])).toEqual([1, -1]);
  });
  it('are zero for an exact fit', () => {
    expect(residuals({ slope: 2, intercept: 1 }, [0, 1], [1, 3])).toEqual([0, 0]);
  });
});

describe('rSquared', () => {
  it('is 1 for a perfect fit', () => {
    expect(rSquared({ slope: 2, intercept: 1 }, [0, 1, 2], [1, 3, 5])).toBe(1);
  });
  it('matches the formula on noisy data', () => {
    const xs = [1, 2, 3, 4];
    const ys = [2, 3, 5, 6];
    expect(rSquared(fit(xs, ys), xs, ys)).toBeCloseTo(1 - 0.2 / 10, 12);
  });
  it('is 0 for the mean model', () => {
    expect(rSquared({ slope: 0, intercept: 4 }, [1, 2, 3], [2, 4, 6])).toBe(0);
  });
  it('can be negative for a bad model', () => {
    expect(rSquared({ slope: -2, intercept: 0 }, [1, 2, 3], [2, 4, 6])).toBe(-27);
  });
  it('handles constant targets', () => {
    expect(rSquared({ slope: 0, intercept: 3 }, [1, 2], [3, 3])).toBe(1);
    expect(rSquared({ slope: 1, intercept: 3 }, [1, 2], [3, 3])).toBe(0);
  });
});
