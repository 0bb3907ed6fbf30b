import { PERMISSIONS, allows, maskToNames, namesToMask } from './names.js';

describe('PERMISSIONS', () => {
  it('maps names to bit indexes', () => {
    expect(PERMISSIONS).toEqual({ read: 0, write: 1, execute: 2, admin: 7 });
  });
});

describe('namesToMask', () => {
  it('sets one bit per name', () => {
    expect(namesToMask(['read'])).toBe(1);
    expect(namesToMask(['write'])).toBe(2);
    expect(namesToMask(['read', 'execute'])).toBe(5);
    expect(namesToMask(['admin'])).toBe(128);
  });
  it('ignores repeats and returns 0 for no names', () => {
    expect(namesToMask(['write', 'write'])).toBe(2);
    expect(namesToMask([])).toBe(0);
  });
  it('rejects unknown names, including inherited properties', () => {
    expect(() => namesToMask(['fly'])).toThrow('unknown permission: fly');
    expect(() => namesToMask(['toString'])).toThrow('unknown permission');
    expect(() => namesToMask(['__proto__'])).toThrow(Error);
  });
});

describe('maskToNames', () => {
  it('lists names in bit order', () => {
    expect(maskToNames(131)).toEqual(['read', 'write', 'admin']);
    expect(maskToNames(7)).toEqual(['read', 'write', 'execute']);
    expect(maskToNames(4)).toEqual(['execute']);
  });
  it('ignores bits without a name', () => {
    expect(maskToNames(8 + 16 + 256)).toEqual([]);
    expect(maskToNames(0)).toEqual([]);
  });
  it('round-trips with namesToMask', () => {
    expect(maskToNames(namesToMask(['admin', 'read']))).toEqual(['read', 'admin']);
  });
});

describe('allows', () => {
  it('requires every listed permission', () => {
    expect(allows(3, ['read', 'write'])).toBe(true);
    expect(allows(1, ['read', 'write'])).toBe(false);
    expect(allows(2, ['read'])).toBe(false);
  });
  it('accepts extra bits and an empty requirement', () => {
    expect(allows(255, ['admin', 'execute'])).toBe(true);
    expect(allows(0, [])).toBe(true);
  });
  it('handles masks with bit 31 set', () => {
    expect(allows(2147483648 + 129, ['admin', 'read'])).toBe(true);
  });
});
