import { average, checkSamples, coDeviation } from './moments.js';

/**
 * Least-squares line through the points (x, y).
 * @param {number[]} xs the inputs
 * @param {number[]} ys the targets
 * @returns {{slope: number, intercept: number}} the fitted line
 * @example fit([0, 1, 2], [1, 3, 5]) // => { slope: 2, intercept: 1 }
 */
export function fit(xs, ys) {
  checkSamples(xs, ys, 2);
  const sxx = coDeviation(xs, xs);
  if (sxx === 0) {
    throw new RangeError('xs must not all be equal');
  }
  const slope = coDeviation(xs, ys) / sxx;
  const intercept = average(ys) - slope * average(xs);
  return { slope, intercept };
}

/**
 * Evaluates a fitted line at one or more inputs.
 * @param {{slope: number, intercept: number}} model the line
 * @param {number|number[]} x an input or a list of inputs
 * @returns {number|number[]} the prediction(s)
 * @example predict({ slope: 2, intercept: 1 }, [0, 3]) // => [1, 7]
 */
export function predict(model, x) {
  if (!model || typeof model.slope !== 'number' || typeof model.intercept !== 'number') {
    throw new TypeError('model must have numeric slope and intercept');
  }
  if (Array.isArray(x)) {
    return x.map((v) => model.intercept + model.slope * v);
  }
  return model.intercept + model.slope * x;
}

/**
 * Differences y - prediction for each point.
 * @param {{slope: number, intercept: number}} model the line
 * @param {number[]} xs the inputs
 * @param {number[]} ys the targets
 * @returns {number[]} the residuals
 * @example residuals({ slope: 1, intercept: 0 }, [1, 2], [2, 1]) // => [1, -1]
 */
export function residuals(model, xs, ys) {
  checkSamples(xs, ys, 0);
  const preds = predict(model, xs);
  return ys.map((y, i) => y - preds[i]);
}

/**
 * Coefficient of determination 1 - SSres / SStot; 1 for a perfect fit. Constant ys give 1
 * when predicted exactly and 0 otherwise.
 * @param {{slope: number, intercept: number}} model the line
 * @param {number[]} xs the inputs
 * @param {number[]} ys the targets
 * @returns {number} R squared (can be negative for a bad model)
 * @example rSquared({ slope: 2, intercept: 1 }, [0, 1, 2], [1, 3, 5]) // => 1
 */
export function rSquared(model, xs, ys) {
  checkSamples(xs, ys, 1);
  const res = residuals(model, xs, ys);
  let ssRes = 0;
  for (const r of res) ssRes += r * r;
  const ssTot = coDeviation(ys, ys);
  if (ssTot === 0) {
    return ssRes === 0 ? 1 : 0;
  }
  return 1 - ssRes / ssTot;
}
