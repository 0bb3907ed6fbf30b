function checkSeries(values) {
  if (!Array.isArray(values)) {
    throw new TypeError('values must be an array');
  }
  for (const v of values) {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new TypeError('values must be finite numbers');
    }
  }
}

function checkWindow(window) {
  if (!Number.isInteger(window) || window < 1) {
    throw new RangeError('window must be a positive integer');
  }
}

/**
 * Simple moving average over full windows only; output has length n - window + 1.
 * @param {number[]} values the series
 * @param {number} window the window size
 * @returns {number[]} the averages (empty when the series is shorter than the window)
 * @example simpleMovingAverage([1, 2, 3, 4], 2) // => [1.5, 2.5, 3.5]
 */
export function simpleMovingAverage(values, window) {
  checkSeries(values);
  checkWindow(window);
  const out = [];
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    total += values[i];
    if (i >= window) {
      total -= values[i - window];
    }
    if (i >= window - 1) {
      out.push(total / window);
    }
  }
  return out;
}

/**
 * Trailing average that shrinks the window at the start, so output length equals input length.
 * @param {number[]} values the series
 * @param {number} window the maximum window size
 * @returns {number[]} one average per input element
 * @example trailingAverage([2, 4, 6], 2) // => [2, 3, 5]
 */
export function trailingAverage(values, window) {
  checkSeries(values);
  checkWindow(window);
  const out = [];
  for (let i = 0; i < values.length; i++) {
    const start = Math.max(0, i - window + 1);
    let total = 0;
    for (let j = start; j <= i; j++) total += values[j];
    out.push(total / (i - start + 1));
  }
  return out;
}

/**
 * Exponential moving average m = beta * m + (1 - beta) * x, starting from 0.
 * With debias, each value is divided by 1 - beta^t to remove the bias toward the zero start.
 * @param {number[]} values the series
 * @param {number} beta smoothing factor in [0, 1)
 * @param {boolean} debias whether to apply bias correction
 * @returns {number[]} one average per input element
 * @example exponentialMovingAverage([10, 10], 0.5, true) // => [10, 10]
 */
export function exponentialMovingAverage(values, beta, debias = false) {
  checkSeries(values);
  if (typeof beta !== 'number' || beta < 0 || beta >= 1) {
    throw new RangeError('beta must be in [0, 1)');
  }
  const out = [];
  let m = 0;
  let power = 1;
  for (const x of values) {
    m = beta * m + (1 - beta) * x;
    power *= beta;
    out.push(debias ? m / (1 - power) : m);
  }
  return out;
}

/**
 * Centred moving average with an odd window; edges use as many neighbours as exist.
 * @param {number[]} values the series
 * @param {number} window odd window size
 * @returns {number[]} one average per input element
 * @example centeredAverage([3, 6, 9], 3) // => [4.5, 6, 7.5]
 */
export function centeredAverage(values, window) {
  checkSeries(values);
  checkWindow(window);
  if (window % 2 === 0) {
    throw new RangeError('window must be odd');
  }
  const half = (window - 1) / 2;
  return values.map((_, i) => {
    const start = Math.max(0, i - half);
    const end = Math.min(values.length - 1, i + half);
    let total = 0;
    for (let j = start; j <= end; j++) total += values[j];
    return total / (end - start + 1);
  });
}
