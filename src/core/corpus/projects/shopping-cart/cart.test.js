import { checkout, lineTotal, subtotal, taxFor } from './cart.js';
import { bestDiscount, ruleDiscount } from './discounts.js';

const items = [
  { sku: 'TEA', unitCents: 450, qty: 3 },
  { sku: 'MUG', unitCents: 1200, qty: 1 },
];

describe('lineTotal and subtotal', () => {
  it('multiplies price by quantity', () => {
    expect(lineTotal({ sku: 'A', unitCents: 250, qty: 3 })).toBe(750);
    expect(lineTotal({ sku: 'A', unitCents: 0, qty: 1 })).toBe(0);
  });
  it('accepts quantity limits and rejects beyond them', () => {
    expect(lineTotal({ sku: 'A', unitCents: 1, qty: 999 })).toBe(999);
    expect(() => lineTotal({ sku: 'A', unitCents: 1, qty: 0 })).toThrow(
      'qty must be an integer from 1 to 999',
    );
    expect(() => lineTotal({ sku: 'A', unitCents: 1, qty: 1000 })).toThrow(RangeError);
    expect(() => lineTotal({ sku: 'A', unitCents: 1, qty: 1.5 })).toThrow(RangeError);
  });
  it('rejects negative prices and missing SKUs', () => {
    expect(() => lineTotal({ sku: 'A', unitCents: -1, qty: 1 })).toThrow('unitCents');
    expect(() => lineTotal({ sku: '', unitCents: 1, qty: 1 })).toThrow('item needs a sku');
    expect(() => lineTotal(null)).toThrow('item needs a sku');
  });
  it('sums lines', () => {
    expect(subtotal(items)).toBe(2550);
    expect(subtotal([])).toBe(0);
  });
});

describe('ruleDiscount', () => {
  it('takes a percentage, rounded down', () => {
    expect(ruleDiscount({ type: 'percent', value: 10 }, [], 2000)).toBe(200);
    expect(ruleDiscount({ type: 'percent', value: 15 }, [], 999)).toBe(149);
    expect(ruleDiscount({ type: 'percent', value: 100 }, [], 500)).toBe(500);
    expect(ruleDiscount({ type: 'percent', value: 1 }, [], 1000)).toBe(10);
  });
  it('applies a fixed amount capped at the subtotal', () => {
    expect(ruleDiscount({ type: 'fixed', value: 500 }, [], 2000)).toBe(500);
    expect(ruleDiscount({ type: 'fixed', value: 500 }, [], 300)).toBe(300);
    expect(ruleDiscount({ type: 'fixed', value: 1 }, [], 300)).toBe(1);
  });
  it('respects the minimum subtotal, inclusive', () => {
    expect(ruleDiscount({ type: 'fixed', value: 100, minSubtotal: 2000 }, [], 1999)).toBe(0);
    expect(ruleDiscount({ type: 'fixed', value: 100, minSubtotal: 2000 }, [], 2000)).toBe(100);
  });
  it('makes every second unit free for buy-one-get-one', () => {
    expect(ruleDiscount({ type: 'bogo', sku: 'TEA' }, items, 2550)).toBe(450);
    expect(ruleDiscount({ type: 'bogo', sku: 'MUG' }, items, 2550)).toBe(0);
    expect(
      ruleDiscount({ type: 'bogo', sku: 'TEA' }, [{ sku: 'TEA', unitCents: 450, qty: 4 }], 1800),
    ).toBe(900);
  });
  it('rejects invalid rules', () => {
    expect(() => ruleDiscount({ type: 'percent', value: 0 }, [], 100)).toThrow(
      'percent must be in (0, 100]',
    );
    expect(() => ruleDiscount({ type: 'percent', value: 101 }, [], 100)).toThrow(RangeError);
    expect(() => ruleDiscount({ type: 'fixed', value: -5 }, [], 100)).toThrow('fixed discount');
    expect(() => ruleDiscount({ type: 'fixed', value: 0 }, [], 100)).toThrow('fixed discount');
    expect(() => ruleDiscount({ type: 'free' }, [], 100)).toThrow('unknown discount type: free');
  });
});

describe('bestDiscount', () => {
  it('picks the largest single discount', () => {
    expect(
      bestDiscount(
        [
          { type: 'fixed', value: 300 },
          { type: 'percent', value: 20 },
        ],
        [],
        2000,
      ),
    ).toEqual({ amount: 400, index: 1 });
    expect(
      bestDiscount(
        [
          { type: 'fixed', value: 500 },
          { type: 'percent', value: 20 },
        ],
        [],
        2000,
      ),
    ).toEqual({ amount: 500, index: 0 });
  });
  it('keeps the first rule on ties and reports none when nothing applies', () => {
    expect(
      bestDiscount(
        [
          { type: 'fixed', value: 400 },
          { type: 'percent', value: 20 },
        ],
        [],
        2000,
      ).index,
    ).toBe(0);
    expect(bestDiscount([], [], 2000)).toEqual({ amount: 0, index: -1 });
  });
});

describe('taxFor', () => {
  it('rounds tax half up to cents', () => {
    expect(taxFor(1999, 8.25)).toBe(165);
    expect(taxFor(1000, 10)).toBe(100);
    expect(taxFor(10, 5)).toBe(1);
    expect(taxFor(9, 5)).toBe(0);
  });
  it('accepts the rate limits and rejects outside them', () => {
    expect(taxFor(1000, 0)).toBe(0);
    expect(taxFor(1000, 30)).toBe(300);
    expect(() => taxFor(1000, 30.1)).toThrow('between 0 and 30 percent');
    expect(() => taxFor(1000, -1)).toThrow(RangeError);
  });
});

describe('checkout', () => {
  it('taxes the discounted amount', () => {
    expect(
      checkout([{ sku: 'A', unitCents: 1000, qty: 2 }], [{ type: 'percent', value: 10 }], 10),
    ).toEqual({
      subtotal: 2000,
      discount: 200,
      tax: 180,
      total: 1980,
    });
  });
  it('combines bogo, minimums and tax', () => {
    const rules = [
      { type: 'bogo', sku: 'TEA' },
      { type: 'fixed', value: 1000, minSubtotal: 3000 },
    ];
    expect(checkout(items, rules, 8)).toEqual({
      subtotal: 2550,
      discount: 450,
      tax: 168,
      total: 2268,
    });
  });
  it('handles an empty cart', () => {
    expect(checkout([], [{ type: 'percent', value: 50 }], 8)).toEqual({
      subtotal: 0,
      discount: 0,
      tax: 0,
      total: 0,
    });
  });
});
