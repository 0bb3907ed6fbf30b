import { isEmail, isIntegerInRange, isLengthBetween, isUsername } from './validators.js';

function has(obj, key) {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

/**
 * Checks one value against one field rule.
 * @param {{type: string, min: number, max: number}} rule type is 'email', 'int', 'username' or 'string'
 * @param {*} value the value
 * @returns {string|null} an error message, or null when valid
 * @example checkField({ type: 'int', min: 1, max: 5 }, 9) // => 'must be an integer from 1 to 5'
 */
export function checkField(rule, value) {
  if (rule.type === 'email') {
    return isEmail(value) ? null : 'must be an email address';
  }
  if (rule.type === 'username') {
    return isUsername(value) ? null : 'must be a valid username';
  }
  const min = has(rule, 'min') ? rule.min : 0;
  if (rule.type === 'int') {
    const max = has(rule, 'max') ? rule.max : Number.MAX_SAFE_INTEGER;
    return isIntegerInRange(value, min, max)
      ? null
      : 'must be an integer from ' + min + ' to ' + max;
  }
  if (rule.type === 'string') {
    const max = has(rule, 'max') ? rule.max : 1000;
    return isLengthBetween(value, min, max)
      ? null
      : 'must be a string of ' + min + ' to ' + max + ' characters';
  }
  throw new Error('unknown rule type: ' + rule.type);
}

/**
 * Validates an input object against a schema of field rules. Unknown fields are errors; fields
 * are required unless the rule says optional: true. Only own properties are read.
 * @param {object} schema field name to rule
 * @param {object} input the untrusted input
 * @returns {{valid: boolean, errors: Array<{field: string, message: string}>}} the outcome
 * @example validate({ age: { type: 'int', min: 0, max: 150 } }, { age: 30 }) // => { valid: true, errors: [] }
 */
export function validate(schema, input) {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { valid: false, errors: [{ field: '', message: 'input must be an object' }] };
  }
  const errors = [];
  for (const field of Object.keys(schema)) {
    const rule = schema[field];
    if (!has(input, field) || input[field] === undefined) {
      if (!rule.optional) errors.push({ field, message: 'is required' });
      continue;
    }
    const message = checkField(rule, input[field]);
    if (message !== null) errors.push({ field, message });
  }
  for (const field of Object.keys(input)) {
    if (!has(schema, field)) errors.push({ field, message: 'is not allowed' });
  }
  return { valid: errors.length === 0, errors };
}
