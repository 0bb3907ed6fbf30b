import { validatePrice, validateQuantity, validateSku } from './validate.js';

function getItem(inventory, sku) {
  validateSku(sku);
  if (!Object.prototype.hasOwnProperty.call(inventory, sku)) {
    throw new Error('unknown SKU: ' + sku);
  }
  return inventory[sku];
}

/**
 * Adds a new item with zero stock; the inventory is not modified.
 * @param {object} inventory SKU to item map
 * @param {string} sku the new SKU
 * @param {string} name display name (non-empty)
 * @param {number} priceCents unit price in cents
 * @param {number} reorderLevel low-stock threshold
 * @returns {object} the new inventory
 * @example addItem({}, 'ABC-123', 'Bolt', 25, 10) // => { 'ABC-123': { name: 'Bolt', qty: 0, priceCents: 25, reorderLevel: 10 } }
 */
export function addItem(inventory, sku, name, priceCents, reorderLevel) {
  validateSku(sku);
  if (Object.prototype.hasOwnProperty.call(inventory, sku)) {
    throw new Error('duplicate SKU: ' + sku);
  }
  if (typeof name !== 'string' || name.trim() === '') {
    throw new Error('name must be a non-empty string');
  }
  const item = {
    name,
    qty: 0,
    priceCents: validatePrice(priceCents),
    reorderLevel: validateQuantity(reorderLevel, 0),
  };
  return { ...inventory, [sku]: item };
}

/**
 * Receives stock for an existing item.
 * @param {object} inventory SKU to item map
 * @param {string} sku the SKU
 * @param {number} qty units received (at least 1)
 * @returns {object} the new inventory
 * @example addStock({ 'ABC-123': { name: 'Bolt', qty: 1, priceCents: 25, reorderLevel: 0 } }, 'ABC-123', 4) // => { 'ABC-123': { name: 'Bolt', qty: 5, priceCents: 25, reorderLevel: 0 } }
 */
export function addStock(inventory, sku, qty) {
  const item = getItem(inventory, sku);
  validateQuantity(qty, 1);
  const total = validateQuantity(item.qty + qty, 0);
  return { ...inventory, [sku]: { ...item, qty: total } };
}

/**
 * Removes stock; refuses to go below zero.
 * @param {object} inventory SKU to item map
 * @param {string} sku the SKU
 * @param {number} qty units removed (at least 1)
 * @returns {object} the new inventory
 * @example removeStock({ 'ABC-123': { name: 'Bolt', qty: 5, priceCents: 25, reorderLevel: 0 } }, 'ABC-123', 5) // => { 'ABC-123': { name: 'Bolt', qty: 0, priceCents: 25, reorderLevel: 0 } }
 */
export function removeStock(inventory, sku, qty) {
  const item = getItem(inventory, sku);
  validateQuantity(qty, 1);
  if (qty > item.qty) {
    throw new RangeError('insufficient stock for ' + sku + ': have ' + item.qty + ', need ' + qty);
  }
  return { ...inventory, [sku]: { ...item, qty: item.qty - qty } };
}

/**
 * Items at or below their reorder level, most urgent (largest shortfall) first, then by SKU.
 * @param {object} inventory SKU to item map
 * @returns {Array<{sku: string, qty: number, shortfall: number}>} the report
 * @example lowStockReport({ 'ABC-123': { name: 'Bolt', qty: 2, priceCents: 25, reorderLevel: 5 } }) // => [{ sku: 'ABC-123', qty: 2, shortfall: 3 }]
 */
export function lowStockReport(inventory) {
  const rows = [];
  for (const sku of Object.keys(inventory)) {
    const item = inventory[sku];
    if (item.qty <= item.reorderLevel) {
      rows.push({ sku, qty: item.qty, shortfall: item.reorderLevel - item.qty });
    }
  }
  return rows.sort((a, b) => b.shortfall - a.shortfall || (a.sku < b.sku ? -1 : 1));
}

/**
 * Total value of stock on hand in cents.
 * @param {object} inventory SKU to item map
 * @returns {number} sum of qty * price
 * @example stockValue({ 'ABC-123': { name: 'Bolt', qty: 4, priceCents: 25, reorderLevel: 0 } }) // => 100
 */
export function stockValue(inventory) {
  let total = 0;
  for (const sku of Object.keys(inventory)) {
    total += inventory[sku].qty * inventory[sku].priceCents;
  }
  return total;
}
