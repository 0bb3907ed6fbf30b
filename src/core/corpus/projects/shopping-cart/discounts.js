/**
 * Discount in cents for one rule; a rule never discounts more than the subtotal.
 * Rules: { type: 'percent', value, minSubtotal }, { type: 'fixed', value, minSubtotal },
 * { type: 'bogo', sku } (every second unit of that SKU is free).
 * @param {object} rule the discount rule
 * @param {Array<{sku: string, unitCents: number, qty: number}>} items the cart lines
 * @param {number} subtotal the cart subtotal in cents
 * @returns {number} the discount in cents (0 when the rule does not apply)
 * @example ruleDiscount({ type: 'percent', value: 10, minSubtotal: 0 }, [], 2000) // => 200
 */
export function ruleDiscount(rule, items, subtotal) {
  const min = typeof rule.minSubtotal === 'number' ? rule.minSubtotal : 0;
  if (subtotal < min) return 0;
  let amount;
  if (rule.type === 'percent') {
    if (!(rule.value > 0 && rule.value <= 100)) throw new RangeError('percent must be in (0, 100]');
    amount = Math.floor((subtotal * rule.value) / 100);
  } else if (rule.type === 'fixed') {
    if (!Number.isSafeInteger(rule.value) || rule.value <= 0)
      throw new RangeError('fixed discount must be a positive integer');
    amount = rule.value;
  } else if (rule.type === 'bogo') {
    amount = 0;
    for (const item of items) {
      if (item.sku === rule.sku) amount += Math.floor(item.qty / 2) * item.unitCents;
    }
  } else {
    throw new Error('unknown discount type: ' + rule.type);
  }
  return Math.min(amount, subtotal);
}

/**
 * Best single discount among the rules (discounts do not stack).
 * @param {object[]} rules the candidate rules
 * @param {Array<{sku: string, unitCents: number, qty: number}>} items the cart lines
 * @param {number} subtotal the cart subtotal in cents
 * @returns {{amount: number, index: number}} the largest discount and its rule index (-1 if none)
 * @example bestDiscount([{ type: 'fixed', value: 300 }, { type: 'percent', value: 20 }], [], 2000) // => { amount: 400, index: 1 }
 */
export function bestDiscount(rules, items, subtotal) {
  let best = { amount: 0, index: -1 };
  rules.forEach((rule, index) => {
    const amount = ruleDiscount(rule, items, subtotal);
    if (amount > best.amount) best = { amount, index };
  });
  return best;
}
