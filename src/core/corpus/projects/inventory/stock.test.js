import { addItem, addStock, lowStockReport, removeStock, stockValue } from './stock.js';

function sample() {
  let inv = addItem({}, 'BLT-001', 'Bolt', 25, 10);
  inv = addItem(inv, 'NUT-002', 'Nut', 10, 5);
  inv = addItem(inv, 'GRS-003', 'Grease', 450, 2);
  inv = addStock(inv, 'BLT-001', 12);
  inv = addStock(inv, 'NUT-002', 1);
  inv = addStock(inv, 'GRS-003', 2);
  return inv;
}

describe('addItem', () => {
  it('adds an item with zero stock', () => {
    expect(addItem({}, 'ABC-123', 'Bolt', 25, 10)).toEqual({
      'ABC-123': { name: 'Bolt', qty: 0, priceCents: 25, reorderLevel: 10 },
    });
  });
  it('allows a reorder level of zero', () => {
    expect(addItem({}, 'ABC-123', 'Bolt', 0, 0)['ABC-123'].reorderLevel).toBe(0);
  });
  it('does not modify the original inventory', () => {
    const inv = {};
    addItem(inv, 'ABC-123', 'Bolt', 25, 10);
    expect(inv).toEqual({});
  });
  it('rejects duplicates, blank names and invalid numbers', () => {
    const inv = addItem({}, 'ABC-123', 'Bolt', 25, 10);
    expect(() => addItem(inv, 'ABC-123', 'Other', 1, 1)).toThrow('duplicate SKU: ABC-123');
    expect(() => addItem({}, 'ABC-123', '  ', 1, 1)).toThrow('name must be a non-empty string');
    expect(() => addItem({}, 'ABC-123', 'Bolt', -5, 1)).toThrow(RangeError);
    expect(() => addItem({}, 'ABC-123', 'Bolt', 5, -1)).toThrow(RangeError);
    expect(() => addItem({}, 'bad', 'Bolt', 5, 1)).toThrow('invalid SKU');
  });
});

describe('addStock', () => {
  it('increases the quantity', () => {
    const inv = addStock(sample(), 'NUT-002', 4);
    expect(inv['NUT-002'].qty).toBe(5);
  });
  it('rejects zero or negative amounts', () => {
    expect(() => addStock(sample(), 'NUT-002', 0)).toThrow(RangeError);
    expect(() => addStock(sample(), 'NUT-002', -3)).toThrow(RangeError);
  });
  it('rejects totals above the maximum', () => {
    const inv = addStock(sample(), 'NUT-002', 999999);
    expect(inv['NUT-002'].qty).toBe(1000000);
    expect(() => addStock(inv, 'NUT-002', 1)).toThrow('between 0 and 1000000');
  });
  it('rejects unknown SKUs', () => {
    expect(() => addStock(sample(), 'ZZZ-999', 1)).toThrow('unknown SKU: ZZZ-999');
  });
});

describe('removeStock', () => {
  it('decreases the quantity, down to exactly zero', () => {
    const inv = removeStock(sample(), 'BLT-001', 12);
    expect(inv['BLT-001'].qty).toBe(0);
    expect(removeStock(sample(), 'BLT-001', 2)['BLT-001'].qty).toBe(10);
  });
  it('refuses to go below zero', () => {
    expect(() => removeStock(sample(), 'NUT-002', 2)).toThrow(
      'insufficient stock for NUT-002: have 1, need 2',
    );
  });
  it('rejects non-positive amounts that would add stock', () => {
    expect(() => removeStock(sample(), 'BLT-001', -5)).toThrow(RangeError);
    expect(() => removeStock(sample(), 'BLT-001', 0)).toThrow(RangeError);
  });
  it('leaves the previous inventory untouched', () => {
    const inv = sample();
    removeStock(inv, 'BLT-001', 1);
    expect(inv['BLT-001'].qty).toBe(12);
  });
  it('does not accept inherited keys as items', () => {
    expect(() => removeStock(Object.create({ 'ABC-123': { qty: 5 } }), 'ABC-123', 1)).toThrow(
      'unknown SKU',
    );
  });
});

describe('lowStockReport', () => {
  it('lists items at or below the reorder level, largest shortfall first', () => {
    expect(lowStockReport(sample())).toEqual([
      { sku: 'NUT-002', qty: 1, shortfall: 4 },
      { sku: 'GRS-003', qty: 2, shortfall: 0 },
    ]);
  });
  it('orders equal shortfalls by SKU', () => {
    let inv = addItem({}, 'CCC-111', 'C', 1, 3);
    inv = addItem(inv, 'BBB-111', 'B', 1, 3);
    inv = addItem(inv, 'AAA-111', 'A', 1, 3);
    inv = addItem(inv, 'DDD-111', 'D', 1, 3);
    expect(lowStockReport(inv).map((r) => r.sku)).toEqual([
      'AAA-111',
      'BBB-111',
      'CCC-111',
      'DDD-111',
    ]);
  });
  it('is empty when everything is stocked', () => {
    expect(lowStockReport(addStock(addItem({}, 'ABC-123', 'X', 1, 1), 'ABC-123', 2))).toEqual([]);
    expect(lowStockReport({})).toEqual([]);
  });
});

describe('stockValue', () => {
  it('sums quantity times price', () => {
    expect(stockValue(sample())).toBe(12 * 25 + 1 * 10 + 2 * 450);
  });
  it('is 0 for an empty inventory', () => {
    expect(stockValue({})).toBe(0);
  });
});
