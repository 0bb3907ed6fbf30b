import { hasBit, setBit } from './bits.js';

/** Permission names and their bit indexes, listed in bit order. */
export const PERMISSIONS = { read: 0, write: 1, execute: 2, admin: 7 };

/**
 * Builds a mask from permission names.
 * @param {string[]} names names from PERMISSIONS; repeats are harmless
 * @returns {number} the mask with those bits on
 * @example namesToMask(['read', 'execute']) // => 5
 */
export function namesToMask(names) {
  let mask = 0;
  for (const name of names) {
    if (!Object.prototype.hasOwnProperty.call(PERMISSIONS, name)) {
      throw new Error('unknown permission: ' + name);
    }
    mask = setBit(mask, PERMISSIONS[name]);
  }
  return mask;
}

/**
 * Lists the permission names whose bits are on, in bit order; other bits are ignored.
 * @param {number} mask unsigned 32-bit mask
 * @returns {string[]} the names
 * @example maskToNames(131) // => ['read', 'write', 'admin']
 */
export function maskToNames(mask) {
  return Object.keys(PERMISSIONS).filter((name) => hasBit(mask, PERMISSIONS[name]));
}

/**
 * Tells whether a mask grants every permission in a list.
 * @param {number} mask unsigned 32-bit mask
 * @param {string[]} required names that must all be present
 * @returns {boolean} true when each required bit is on (always true for [])
 * @example allows(3, ['read', 'write']) // => true
 */
export function allows(mask, required) {
  const needed = namesToMask(required);
  return (mask & needed) >>> 0 === needed;
}
