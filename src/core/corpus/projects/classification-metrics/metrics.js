import { checkPair, countsFor, labelsOf } from './confusion.js';

/**
 * Fraction of positions where the prediction equals the true label.
 * @param {Array<string|number>} actual the true labels
 * @param {Array<string|number>} predicted the predicted labels
 * @returns {number} accuracy in [0, 1]
 * @example accuracy(['a', 'b', 'a', 'b'], ['a', 'b', 'b', 'b']) // => 0.75
 */
export function accuracy(actual, predicted) {
  const n = checkPair(actual, predicted);
  let correct = 0;
  for (let i = 0; i < n; i++) {
    if (actual[i] === predicted[i]) correct++;
  }
  return correct / n;
}

/**
 * Precision, recall and F1 for one class; a zero denominator gives 0 rather than NaN.
 * @param {Array<string|number>} actual the true labels
 * @param {Array<string|number>} predicted the predicted labels
 * @param {string|number} label the positive class
 * @returns {{precision: number, recall: number, f1: number, support: number}} the scores
 * @example classScores(['a', 'b', 'a'], ['a', 'a', 'a'], 'a') // => { precision: 0.6666666666666666, recall: 1, f1: 0.8, support: 2 }
 */
export function classScores(actual, predicted, label) {
  const { tp, fp, fn } = countsFor(actual, predicted, label);
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, support: tp + fn };
}

/**
 * Per-class scores for every label that appears in either list.
 * @param {Array<string|number>} actual the true labels
 * @param {Array<string|number>} predicted the predicted labels
 * @returns {Object<string, {precision: number, recall: number, f1: number, support: number}>} scores keyed by label
 * @example perClass(['x'], ['x']) // => { x: { precision: 1, recall: 1, f1: 1, support: 1 } }
 */
export function perClass(actual, predicted) {
  checkPair(actual, predicted);
  const out = {};
  for (const label of labelsOf(actual, predicted)) {
    out[label] = classScores(actual, predicted, label);
  }
  return out;
}

/**
 * Unweighted mean of per-class precision, recall and F1.
 * @param {Array<string|number>} actual the true labels
 * @param {Array<string|number>} predicted the predicted labels
 * @returns {{precision: number, recall: number, f1: number}} macro averages
 * @example macroAverage(['a', 'b'], ['a', 'b']) // => { precision: 1, recall: 1, f1: 1 }
 */
export function macroAverage(actual, predicted) {
  const scores = perClass(actual, predicted);
  const labels = Object.keys(scores);
  let precision = 0;
  let recall = 0;
  let f1 = 0;
  for (const label of labels) {
    precision += scores[label].precision;
    recall += scores[label].recall;
    f1 += scores[label].f1;
  }
  const k = labels.length;
  return { precision: precision / k, recall: recall / k, f1: f1 / k };
}
