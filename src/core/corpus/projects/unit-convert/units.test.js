import { LENGTH_TO_METRES, TEMPERATURE_UNITS, lengthFactor, unitKind } from './units.js';

describe('unit table', () => {
  it('has exact metre factors', () => {
    expect(LENGTH_TO_METRES.m).toBe(1);
    expect(LENGTH_TO_METRES.in).toBe(0.0254);
    expect(LENGTH_TO_METRES.ft).toBe(0.3048);
    expect(LENGTH_TO_METRES.yd).toBe(0.9144);
    expect(LENGTH_TO_METRES.mi).toBe(1609.344);
  });
  it('classifies every table entry as a length', () => {
    for (const unit of Object.keys(LENGTH_TO_METRES)) {
      expect(unitKind(unit)).toBe('length');
    }
    expect(Object.keys(LENGTH_TO_METRES)).toHaveLength(8);
  });
  it('lists the temperature units', () => {
    expect(TEMPERATURE_UNITS).toEqual(['C', 'F', 'K']);
  });
});

describe('unitKind', () => {
  it('classifies length units', () => {
    expect(unitKind('ft')).toBe('length');
    expect(unitKind('mm')).toBe('length');
  });
  it('classifies temperature units', () => {
    expect(unitKind('C')).toBe('temperature');
    expect(unitKind('K')).toBe('temperature');
  });
  it('rejects unknown units, case variants and inherited names', () => {
    expect(() => unitKind('parsec')).toThrow('unknown unit: parsec');
    expect(() => unitKind('M')).toThrow('unknown unit');
    expect(() => unitKind('c')).toThrow('unknown unit');
    expect(() => unitKind('toString')).toThrow('unknown unit');
    expect(() => unitKind(undefined)).toThrow('unknown unit: undefined');
  });
});

describe('lengthFactor', () => {
  it('returns metres per unit', () => {
    expect(lengthFactor('km')).toBe(1000);
    expect(lengthFactor('cm')).toBe(0.01);
  });
  it('returns the imperial factors', () => {
    expect(lengthFactor('in')).toBe(0.0254);
    expect(lengthFactor('mi')).toBe(1609.344);
  });
  it('rejects temperature units', () => {
    expect(() => lengthFactor('F')).toThrow('F is not a length unit');
  });
});
