/** Metres per unit for each supported length unit. */
export const LENGTH_TO_METRES = {
  mm: 0.001,
  cm: 0.01,
  m: 1,
  km: 1000,
  in: 0.0254,
  ft: 0.3048,
  yd: 0.9144,
  mi: 1609.344,
};

/** Supported temperature units: Celsius, Fahrenheit, Kelvin. */
export const TEMPERATURE_UNITS = ['C', 'F', 'K'];

/**
 * Which quantity a unit measures.
 * @param {string} unit the unit symbol
 * @returns {string} 'length' or 'temperature'
 * @example unitKind('ft') // => 'length'
 */
export function unitKind(unit) {
  if (typeof unit === 'string' && Object.prototype.hasOwnProperty.call(LENGTH_TO_METRES, unit)) {
    return 'length';
  }
  if (TEMPERATURE_UNITS.indexOf(unit) !== -1) {
    return 'temperature';
  }
  throw new Error('unknown unit: ' + String(unit));
}

/**
 * Metres in one of the given length unit.
 * @param {string} unit a length unit symbol
 * @returns {number} the factor to metres
 * @example lengthFactor('km') // => 1000
 */
export function lengthFactor(unit) {
  if (unitKind(unit) !== 'length') {
    throw new Error(unit + ' is not a length unit');
  }
  return LENGTH_TO_METRES[unit];
}
