const SKU = /^[A-Z]{3}-[0-9]{3,6}$/;

/**
 * Checks a SKU: three capital letters, a dash, then 3 to 6 digits.
 * @param {string} sku the stock-keeping unit
 * @returns {string} the same SKU when valid
 * @example validateSku('ABC-123') // => 'ABC-123'
 */
export function validateSku(sku) {
  if (typeof sku !== 'string' || !SKU.test(sku)) {
    throw new Error('invalid SKU: ' + String(sku));
  }
  return sku;
}

/**
 * Checks a quantity: a safe integer from min up to 1,000,000.
 * @param {number} qty the quantity
 * @param {number} min smallest allowed value (0 or 1)
 * @returns {number} the same quantity when valid
 * @example validateQuantity(5, 1) // => 5
 */
export function validateQuantity(qty, min) {
  if (!Number.isSafeInteger(qty)) {
    throw new TypeError('quantity must be an integer');
  }
  if (qty < min || qty > 1000000) {
    throw new RangeError('quantity must be between ' + min + ' and 1000000');
  }
  return qty;
}

/**
 * Checks a unit price: a finite number of cents, zero or more, whole cents only.
 * @param {number} cents the price in cents
 * @returns {number} the same price when valid
 * @example validatePrice(199) // => 199
 */
export function validatePrice(cents) {
  if (!Number.isSafeInteger(cents) || cents < 0) {
    throw new RangeError('price must be a non-negative whole number of cents');
  }
  return cents;
}
