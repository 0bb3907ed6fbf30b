function checkTime(nowMs) {
  if (typeof nowMs !== 'number' || !Number.isFinite(nowMs) || nowMs < 0) {
    throw new RangeError('nowMs must be a finite, non-negative number');
  }
}

/**
 * New full bucket.
 * @param {number} capacity maximum tokens (positive)
 * @param {number} ratePerSecond tokens added per second (positive)
 * @param {number} nowMs the current time in milliseconds
 * @returns {{capacity: number, rate: number, tokens: number, last: number}} the bucket state
 * @example createBucket(5, 1, 1000) // => { capacity: 5, rate: 1, tokens: 5, last: 1000 }
 */
export function createBucket(capacity, ratePerSecond, nowMs) {
  if (typeof capacity !== 'number' || !(capacity > 0) || !Number.isFinite(capacity)) {
    throw new RangeError('capacity must be positive');
  }
  if (
    typeof ratePerSecond !== 'number' ||
    !(ratePerSecond > 0) ||
    !Number.isFinite(ratePerSecond)
  ) {
    throw new RangeError('ratePerSecond must be positive');
  }
  checkTime(nowMs);
  return { capacity, rate: ratePerSecond, tokens: capacity, last: nowMs };
}

/**
 * Adds the tokens earned since the last update, capped at capacity. A clock that moves
 * backwards earns nothing and does not move last back.
 * @param {{capacity: number, rate: number, tokens: number, last: number}} bucket the state
 * @param {number} nowMs the current time in milliseconds
 * @returns {{capacity: number, rate: number, tokens: number, last: number}} the new state
 * @example refill({ capacity: 5, rate: 2, tokens: 0, last: 0 }, 1500) // => { capacity: 5, rate: 2, tokens: 3, last: 1500 }
 */
export function refill(bucket, nowMs) {
  checkTime(nowMs);
  const elapsed = Math.max(0, nowMs - bucket.last);
  const tokens = Math.min(bucket.capacity, bucket.tokens + (elapsed / 1000) * bucket.rate);
  return {
    capacity: bucket.capacity,
    rate: bucket.rate,
    tokens,
    last: Math.max(bucket.last, nowMs),
  };
}

/**
 * Takes cost tokens if available after refilling.
 * @param {{capacity: number, rate: number, tokens: number, last: number}} bucket the state
 * @param {number} nowMs the current time in milliseconds
 * @param {number} cost tokens needed (positive, at most capacity)
 * @returns {{allowed: boolean, bucket: object, retryAfterMs: number}} decision, new state, and wait time when refused
 * @example tryConsume({ capacity: 2, rate: 1, tokens: 0, last: 0 }, 500, 1) // => { allowed: false, bucket: { capacity: 2, rate: 1, tokens: 0.5, last: 500 }, retryAfterMs: 500 }
 */
export function tryConsume(bucket, nowMs, cost = 1) {
  if (typeof cost !== 'number' || !(cost > 0) || !Number.isFinite(cost)) {
    throw new RangeError('cost must be a positive number');
  }
  if (cost > bucket.capacity) {
    throw new RangeError('cost exceeds capacity');
  }
  const current = refill(bucket, nowMs);
  if (current.tokens >= cost) {
    return {
      allowed: true,
      bucket: { ...current, tokens: current.tokens - cost },
      retryAfterMs: 0,
    };
  }
  const missing = cost - current.tokens;
  return {
    allowed: false,
    bucket: current,
    retryAfterMs: Math.ceil((missing / current.rate) * 1000),
  };
}

/**
 * Per-key limiter: one bucket per key in a plain state object, created full on first use.
 * @param {object} state key to bucket map (not modified)
 * @param {string} key the client key
 * @param {number} nowMs the current time in milliseconds
 * @param {{capacity: number, rate: number}} config bucket settings for new keys
 * @returns {{allowed: boolean, state: object, retryAfterMs: number}} decision and new state
 * @example limitKey({}, 'ip1', 0, { capacity: 1, rate: 1 }) // => { allowed: true, state: { 'k:ip1': { capacity: 1, rate: 1, tokens: 0, last: 0 } }, retryAfterMs: 0 }
 */
export function limitKey(state, key, nowMs, config) {
  if (typeof key !== 'string' || key === '') {
    throw new TypeError('key must be a non-empty string');
  }
  // Prefixing keeps names such as '__proto__' from colliding with Object.prototype.
  const slot = 'k:' + key;
  const existing = Object.prototype.hasOwnProperty.call(state, slot)
    ? state[slot]
    : createBucket(config.capacity, config.rate, nowMs);
  const r = tryConsume(existing, nowMs, 1);
  return {
    allowed: r.allowed,
    state: { ...state, [slot]: r.bucket },
    retryAfterMs: r.retryAfterMs,
  };
}
