import { lengthFactor, unitKind } from './units.js';

function checkValue(value) {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new TypeError('value must be a finite number');
  }
}

// Rounds away binary noise such as 0.30000000000000004 while keeping 12 significant digits.
function tidy(x) {
  return Number(x.toPrecision(12));
}

/**
 * Converts a length between units via metres.
 * @param {number} value the amount
 * @param {string} from source unit
 * @param {string} to target unit
 * @returns {number} the converted amount
 * @example convertLength(1, 'ft', 'in') // => 12
 */
export function convertLength(value, from, to) {
  checkValue(value);
  return tidy((value * lengthFactor(from)) / lengthFactor(to));
}

/**
 * Converts a temperature between C, F and K via Celsius; below absolute zero is an error.
 * @param {number} value the temperature
 * @param {string} from source unit
 * @param {string} to target unit
 * @returns {number} the converted temperature
 * @example convertTemperature(100, 'C', 'F') // => 212
 */
export function convertTemperature(value, from, to) {
  checkValue(value);
  if (unitKind(from) !== 'temperature' || unitKind(to) !== 'temperature') {
    throw new Error('temperature conversion needs C, F or K');
  }
  let celsius = value;
  if (from === 'F') celsius = ((value - 32) * 5) / 9;
  if (from === 'K') celsius = value - 273.15;
  if (tidy(celsius) < -273.15) {
    throw new RangeError('temperature below absolute zero');
  }
  if (to === 'F') return tidy((celsius * 9) / 5 + 32);
  if (to === 'K') return tidy(celsius + 273.15);
  return tidy(celsius);
}

/**
 * Converts between any two units of the same kind.
 * @param {number} value the amount
 * @param {string} from source unit
 * @param {string} to target unit
 * @returns {number} the converted amount
 * @example convert(5, 'km', 'm') // => 5000
 */
export function convert(value, from, to) {
  const kind = unitKind(from);
  if (kind !== unitKind(to)) {
    throw new Error('cannot convert ' + from + ' to ' + to);
  }
  return kind === 'length' ? convertLength(value, from, to) : convertTemperature(value, from, to);
}

/**
 * Formats an amount with a fixed number of decimals and its unit (degrees get a degree sign).
 * @param {number} value the amount
 * @param {string} unit the unit
 * @param {number} digits decimals (0 to 6)
 * @returns {string} the label
 * @example formatQuantity(21.456, 'C', 1) // => '21.5 °C'
 */
export function formatQuantity(value, unit, digits = 2) {
  checkValue(value);
  if (!Number.isInteger(digits) || digits < 0 || digits > 6) {
    throw new RangeError('digits must be an integer from 0 to 6');
  }
  const prefix = unitKind(unit) === 'temperature' && unit !== 'K' ? '°' : '';
  return value.toFixed(digits) + ' ' + prefix + unit;
}
