function checkMask(mask) {
  if (!Number.isInteger(mask) || mask < 0 || mask > 0xffffffff) {
    throw new RangeError('mask must be an integer from 0 to 2^32 - 1');
  }
}

function checkBit(bit) {
  if (!Number.isInteger(bit) || bit < 0 || bit > 31) {
    throw new RangeError('bit must be an integer from 0 to 31');
  }
}

/**
 * Turns one bit on.
 * @param {number} mask unsigned 32-bit mask
 * @param {number} bit bit index, 0 (least significant) to 31
 * @returns {number} the new mask
 * @example setBit(5, 1) // => 7
 */
export function setBit(mask, bit) {
  checkMask(mask);
  checkBit(bit);
  // >>> 0 keeps bit 31 from turning the result negative.
  return (mask | (1 << bit)) >>> 0;
}

/**
 * Turns one bit off.
 * @param {number} mask unsigned 32-bit mask
 * @param {number} bit bit index, 0 to 31
 * @returns {number} the new mask
 * @example clearBit(7, 1) // => 5
 */
export function clearBit(mask, bit) {
  checkMask(mask);
  checkBit(bit);
  return (mask & ~(1 << bit)) >>> 0;
}

/**
 * Flips one bit.
 * @param {number} mask unsigned 32-bit mask
 * @param {number} bit bit index, 0 to 31
 * @returns {number} the new mask
 * @example toggleBit(5, 0) // => 4
 */
export function toggleBit(mask, bit) {
  checkMask(mask);
  checkBit(bit);
  return (mask ^ (1 << bit)) >>> 0;
}

/**
 * Tells whether a bit is on.
 * @param {number} mask unsigned 32-bit mask
 * @param {number} bit bit index, 0 to 31
 * @returns {boolean} true when the bit is set
 * @example hasBit(4, 2) // => true
 */
export function hasBit(mask, bit) {
  checkMask(mask);
  checkBit(bit);
  return ((mask >>> bit) & 1) === 1;
}

/**
 * Number of bits that are on.
 * @param {number} mask unsigned 32-bit mask
 * @returns {number} 0 to 32
 * @example popcount(255) // => 8
 */
export function popcount(mask) {
  checkMask(mask);
  let count = 0;
  let rest = mask;
  while (rest !== 0) {
    // Clearing the lowest set bit each round takes one step per set bit.
    rest = (rest & (rest - 1)) >>> 0;
    count++;
  }
  return count;
}

/**
 * Binary text of a mask, left-padded with zeros to a minimum width.
 * @param {number} mask unsigned 32-bit mask
 * @param {number} width minimum number of digits, 1 to 32
 * @returns {string} the binary digits
 * @example toBinary(5, 8) // => '00000101'
 */
export function toBinary(mask, width = 1) {
  checkMask(mask);
  if (!Number.isInteger(width) || width < 1 || width > 32) {
    throw new RangeError('width must be an integer from 1 to 32');
  }
  let out = '';
  for (let rest = mask; rest > 0; rest = Math.floor(rest / 2)) {
    out = (rest % 2) + out;
  }
  while (out.length < width) {
    out = '0' + out;
  }
  return out;
}
