/**
 * Checks that two label lists are arrays of the same non-zero length.
 * @param {Array<string|number>} actual the true labels
 * @param {Array<string|number>} predicted the predicted labels
 * @returns {number} the common length
 * @example checkPair(['a'], ['b']) // => 1
 */
export function checkPair(actual, predicted) {
  if (!Array.isArray(actual) || !Array.isArray(predicted)) {
    throw new TypeError('actual and predicted must be arrays');
  }
  if (actual.length !== predicted.length) {
    throw new RangeError('actual and predicted must have the same length');
  }
  if (actual.length === 0) {
    throw new RangeError('at least one label is required');
  }
  return actual.length;
}

/**
 * Sorted list of distinct labels appearing in either list.
 * @param {Array<string|number>} actual the true labels
 * @param {Array<string|number>} predicted the predicted labels
 * @returns {Array<string|number>} the distinct labels in ascending order
 * @example labelsOf(['b', 'a'], ['c', 'a']) // => ['a', 'b', 'c']
 */
export function labelsOf(actual, predicted) {
  const seen = [];
  for (const label of actual.concat(predicted)) {
    if (seen.indexOf(label) === -1) {
      seen.push(label);
    }
  }
  return seen.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
}

/**
 * Confusion matrix: rows are actual labels, columns are predicted labels.
 * @param {Array<string|number>} actual the true labels
 * @param {Array<string|number>} predicted the predicted labels
 * @returns {{labels: Array<string|number>, matrix: number[][]}} labels and counts
 * @example confusionMatrix(['a', 'b'], ['a', 'a']) // => { labels: ['a', 'b'], matrix: [[1, 0], [1, 0]] }
 */
export function confusionMatrix(actual, predicted) {
  const n = checkPair(actual, predicted);
  const labels = labelsOf(actual, predicted);
  const matrix = labels.map(() => labels.map(() => 0));
  for (let i = 0; i < n; i++) {
    const row = labels.indexOf(actual[i]);
    const col = labels.indexOf(predicted[i]);
    matrix[row][col] += 1;
  }
  return { labels, matrix };
}

/**
 * True/false positive and false negative counts for one label.
 * @param {Array<string|number>} actual the true labels
 * @param {Array<string|number>} predicted the predicted labels
 * @param {string|number} label the positive class
 * @returns {{tp: number, fp: number, fn: number}} the counts
 * @example countsFor(['a', 'b', 'a'], ['a', 'a', 'b'], 'a') // => { tp: 1, fp: 1, fn: 1 }
 */
export function countsFor(actual, predicted, label) {
  const n = checkPair(actual, predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < n; i++) {
    const isActual = actual[i] === label;
    const isPredicted = predicted[i] === label;
    if (isActual && isPredicted) tp++;
    else if (isPredicted) fp++;
    else if (isActual) fn++;
  }
  return { tp, fp, fn };
}
