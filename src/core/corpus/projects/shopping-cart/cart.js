import { bestDiscount } from './discounts.js';
import { roundCents } from './money.js';

/**
 * Price of one cart line, validating its fields.
 * @param {{sku: string, unitCents: number, qty: number}} item the line
 * @returns {number} unitCents * qty
 * @example lineTotal({ sku: 'A', unitCents: 250, qty: 3 }) // => 750
 */
export function lineTotal(item) {
  if (!item || typeof item.sku !== 'string' || item.sku === '') {
    throw new TypeError('item needs a sku');
  }
  if (!Number.isSafeInteger(item.unitCents) || item.unitCents < 0) {
    throw new RangeError('unitCents must be a non-negative integer');
  }
  if (!Number.isSafeInteger(item.qty) || item.qty < 1 || item.qty > 999) {
    throw new RangeError('qty must be an integer from 1 to 999');
  }
  return item.unitCents * item.qty;
}

/**
 * Sum of all line totals.
 * @param {Array<{sku: string, unitCents: number, qty: number}>} items the lines
 * @returns {number} the subtotal in cents
 * @example subtotal([{ sku: 'A', unitCents: 250, qty: 2 }, { sku: 'B', unitCents: 99, qty: 1 }]) // => 599
 */
export function subtotal(items) {
  let total = 0;
  for (const item of items) total += lineTotal(item);
  return total;
}

/**
 * Tax on an amount at a percentage rate, rounded half up to whole cents.
 * @param {number} cents the taxable amount
 * @param {number} ratePercent the rate, 0 to 30
 * @returns {number} the tax in cents
 * @example taxFor(1999, 8.25) // => 165
 */
export function taxFor(cents, ratePercent) {
  if (typeof ratePercent !== 'number' || ratePercent < 0 || ratePercent > 30) {
    throw new RangeError('tax rate must be between 0 and 30 percent');
  }
  return roundCents((cents * ratePercent) / 100);
}

/**
 * Full cart summary: subtotal, best discount, tax on the discounted amount, and total.
 * @param {Array<{sku: string, unitCents: number, qty: number}>} items the lines
 * @param {object[]} rules discount rules
 * @param {number} ratePercent the tax rate
 * @returns {{subtotal: number, discount: number, tax: number, total: number}} amounts in cents
 * @example checkout([{ sku: 'A', unitCents: 1000, qty: 2 }], [{ type: 'percent', value: 10 }], 10) // => { subtotal: 2000, discount: 200, tax: 180, total: 1980 }
 */
export function checkout(items, rules, ratePercent) {
  const sub = subtotal(items);
  const discount = bestDiscount(rules, items, sub).amount;
  const taxable = sub - discount;
  const tax = taxFor(taxable, ratePercent);
  return { subtotal: sub, discount, tax, total: taxable + tax };
}
