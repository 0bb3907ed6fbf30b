function checkLogits(values) {
  if (!Array.isArray(values)) {
    throw new TypeError('logits must be an array');
  }
  if (values.length === 0) {
    throw new RangeError('logits must not be empty');
  }
  for (const v of values) {
    if (typeof v !== 'number' || Number.isNaN(v)) {
      throw new TypeError('logits must be numbers');
    }
  }
}

/**
 * Index of the largest value; ties go to the first occurrence.
 * @param {number[]} values the scores
 * @returns {number} the index of the maximum
 * @example argmax([1, 5, 5, 2]) // => 1
 */
export function argmax(values) {
  checkLogits(values);
  let best = 0;
  for (let i = 1; i < values.length; i++) {
    if (values[i] > values[best]) {
      best = i;
    }
  }
  return best;
}

/**
 * log(sum(exp(x))) computed without overflow by shifting by the maximum.
 * @param {number[]} values the logits
 * @returns {number} the log-sum-exp
 * @example logSumExp([0, 0]) // => 0.6931471805599453
 */
export function logSumExp(values) {
  checkLogits(values);
  const max = Math.max(...values);
  if (max === -Infinity) {
    return -Infinity;
  }
  let total = 0;
  for (const v of values) {
    total += Math.exp(v - max);
  }
  return max + Math.log(total);
}

/**
 * Softmax of logits divided by a temperature; subtracts the max so large logits do not overflow.
 * @param {number[]} logits the scores
 * @param {number} temperature positive scale; lower is sharper
 * @returns {number[]} probabilities that sum to 1
 * @example softmax([0, 0], 1) // => [0.5, 0.5]
 */
export function softmax(logits, temperature = 1) {
  checkLogits(logits);
  if (typeof temperature !== 'number' || !(temperature > 0) || !Number.isFinite(temperature)) {
    throw new RangeError('temperature must be a positive finite number');
  }
  const scaled = logits.map((v) => v / temperature);
  const max = Math.max(...scaled);
  const exps = scaled.map((v) => Math.exp(v - max));
  let total = 0;
  for (const e of exps) {
    total += e;
  }
  return exps.map((e) => e / total);
}

/**
 * Log-probabilities: logits minus their log-sum-exp.
 * @param {number[]} logits the scores
 * @returns {number[]} log-softmax values (all <= 0)
 * @example logSoftmax([0, 0]) // => [-0.6931471805599453, -0.6931471805599453]
 */
export function logSoftmax(logits) {
  const lse = logSumExp(logits);
  return logits.map((v) => v - lse);
}

/**
 * Picks an index from a probability list given a uniform draw u in [0, 1) (inverse CDF).
 * @param {number[]} probs probabilities summing to about 1
 * @param {number} u a uniform number in [0, 1)
 * @returns {number} the chosen index
 * @example sampleIndex([0.25, 0.5, 0.25], 0.3) // => 1
 */
export function sampleIndex(probs, u) {
  checkLogits(probs);
  if (typeof u !== 'number' || u < 0 || u >= 1) {
    throw new RangeError('u must be in [0, 1)');
  }
  let cumulative = 0;
  for (let i = 0; i < probs.length; i++) {
    cumulative += probs[i];
    if (u < cumulative) {
      return i;
    }
  }
  // Rounding can leave the total just under 1; the last index absorbs the remainder.
  return probs.length - 1;
}
