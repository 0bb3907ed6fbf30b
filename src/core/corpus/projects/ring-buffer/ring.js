/**
 * Creates an empty buffer; slots hold null until written.
 * @param {number} capacity number of slots, an integer >= 1
 * @returns {{capacity: number, data: Array, start: number, size: number}} the empty buffer
 * @example createBuffer(3) // => { capacity: 3, data: [null, null, null], start: 0, size: 0 }
 */
export function createBuffer(capacity) {
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new RangeError('capacity must be an integer >= 1');
  }
  const data = [];
  for (let i = 0; i < capacity; i++) {
    data.push(null);
  }
  return { capacity, data, start: 0, size: 0 };
}

/**
 * Appends a value; when full, the oldest value is overwritten.
 * @param {object} buffer the buffer (not modified)
 * @param {*} value the value to add
 * @returns {object} the new buffer
 * @example pushValue({ capacity: 2, data: ['a', 'b'], start: 0, size: 2 }, 'c') // => { capacity: 2, data: ['c', 'b'], start: 1, size: 2 }
 */
export function pushValue(buffer, value) {
  const { capacity, start, size } = buffer;
  const data = buffer.data.slice();
  data[(start + size) % capacity] = value;
  if (size < capacity) {
    return { capacity, data, start, size: size + 1 };
  }
  return { capacity, data, start: (start + 1) % capacity, size };
}

/**
 * Removes the oldest value.
 * @param {object} buffer the buffer (not modified)
 * @returns {{value: *, buffer: object}} the oldest value (null when empty) and the new buffer
 * @example shiftValue({ capacity: 2, data: ['a', 'b'], start: 1, size: 2 }) // => { value: 'b', buffer: { capacity: 2, data: ['a', null], start: 0, size: 1 } }
 */
export function shiftValue(buffer) {
  const { capacity, start, size } = buffer;
  if (size === 0) {
    return { value: null, buffer };
  }
  const data = buffer.data.slice();
  const value = data[start];
  data[start] = null;
  return { value, buffer: { capacity, data, start: (start + 1) % capacity, size: size - 1 } };
}

/**
 * Values from oldest to newest.
 * @param {object} buffer the buffer
 * @returns {Array} the stored values in order
 * @example toArray({ capacity: 3, data: ['c', 'a', 'b'], start: 1, size: 3 }) // => ['a', 'b', 'c']
 */
export function toArray(buffer) {
  const out = [];
  for (let i = 0; i < buffer.size; i++) {
    out.push(buffer.data[(buffer.start + i) % buffer.capacity]);
  }
  return out;
}

/**
 * The oldest value without removing it.
 * @param {object} buffer the buffer
 * @returns {*} the oldest value, or null when empty
 * @example peekOldest({ capacity: 3, data: ['c', 'a', 'b'], start: 1, size: 3 }) // => 'a'
 */
export function peekOldest(buffer) {
  return buffer.size === 0 ? null : buffer.data[buffer.start];
}

/**
 * The newest value without removing it.
 * @param {object} buffer the buffer
 * @returns {*} the newest value, or null when empty
 * @example peekNewest({ capacity: 3, data: ['c', 'a', 'b'], start: 1, size: 3 }) // => 'c'
 */
export function peekNewest(buffer) {
  if (buffer.size === 0) {
    return null;
  }
  return buffer.data[(buffer.start + buffer.size - 1) % buffer.capacity];
}
