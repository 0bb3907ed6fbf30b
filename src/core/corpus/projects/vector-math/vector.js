function checkPair(a, b) {
  if (!Array.isArray(a) || !Array.isArray(b)) {
    throw new TypeError('vectors must be arrays');
  }
  if (a.length !== b.length) {
    throw new RangeError('vectors must have the same length');
  }
}

/**
 * Dot product of two equal-length vectors.
 * @param {number[]} a first vector
 * @param {number[]} b second vector
 * @returns {number} sum of a[i] * b[i]
 * @example dot([1, 2, 3], [4, 5, 6]) // => 32
 */
export function dot(a, b) {
  checkPair(a, b);
  let total = 0;
  for (let i = 0; i < a.length; i++) {
    total += a[i] * b[i];
  }
  return total;
}

/**
 * Element-wise sum of two vectors.
 * @param {number[]} a first vector
 * @param {number[]} b second vector
 * @returns {number[]} a + b
 * @example add([1, 2], [10, 20]) // => [11, 22]
 */
export function add(a, b) {
  checkPair(a, b);
  return a.map((v, i) => v + b[i]);
}

/**
 * Element-wise difference of two vectors.
 * @param {number[]} a first vector
 * @param {number[]} b second vector
 * @returns {number[]} a - b
 * @example subtract([5, 5], [1, 2]) // => [4, 3]
 */
export function subtract(a, b) {
  checkPair(a, b);
  return a.map((v, i) => v - b[i]);
}

/**
 * Multiplies every element by a scalar.
 * @param {number[]} v the vector
 * @param {number} k the scalar
 * @returns {number[]} k * v
 * @example scale([1, -2], 3) // => [3, -6]
 */
export function scale(v, k) {
  if (!Array.isArray(v)) {
    throw new TypeError('vector must be an array');
  }
  if (typeof k !== 'number') {
    throw new TypeError('scalar must be a number');
  }
  return v.map((x) => x * k);
}

/**
 * Lp norm of a vector: p = 2 is Euclidean length, p = 1 is the sum of absolute values,
 * p = Infinity is the largest absolute value.
 * @param {number[]} v the vector
 * @param {number} p the order (1, 2 or Infinity)
 * @returns {number} the norm
 * @example norm([3, 4], 2) // => 5
 */
export function norm(v, p = 2) {
  if (!Array.isArray(v)) {
    throw new TypeError('vector must be an array');
  }
  if (p === Infinity) {
    let max = 0;
    for (const x of v) max = Math.max(max, Math.abs(x));
    return max;
  }
  if (p === 1) {
    let total = 0;
    for (const x of v) total += Math.abs(x);
    return total;
  }
  if (p === 2) {
    return Math.sqrt(dot(v, v));
  }
  throw new RangeError('unsupported norm order: ' + p);
}

/**
 * Cosine of the angle between two vectors; 0 when either vector is all zeros.
 * @param {number[]} a first vector
 * @param {number[]} b second vector
 * @returns {number} similarity in [-1, 1]
 * @example cosineSimilarity([1, 0], [0, 1]) // => 0
 */
export function cosineSimilarity(a, b) {
  const d = dot(a, b);
  const na = norm(a);
  const nb = norm(b);
  if (na === 0 || nb === 0) {
    return 0;
  }
  // Rounding can push the ratio just outside [-1, 1].
  return Math.max(-1, Math.min(1, d / (na * nb)));
}
