import { checkField, validate } from './schema.js';

const schema = {
  email: { type: 'email' },
  name: { type: 'username' },
  age: { type: 'int', min: 13, max: 120 },
  bio: { type: 'string', max: 10, optional: true },
};

describe('checkField', () => {
  it('validates each rule type', () => {
    expect(checkField({ type: 'email' }, 'a@b.io')).toBeNull();
    expect(checkField({ type: 'username' }, 'ada')).toBeNull();
    expect(checkField({ type: 'int', min: 1, max: 5 }, 5)).toBeNull();
    expect(checkField({ type: 'string', min: 1, max: 2 }, 'ab')).toBeNull();
  });
  it('reports messages with the limits', () => {
    expect(checkField({ type: 'int', min: 1, max: 5 }, 9)).toBe('must be an integer from 1 to 5');
    expect(checkField({ type: 'string', min: 2, max: 3 }, 'a')).toBe(
      'must be a string of 2 to 3 characters',
    );
    expect(checkField({ type: 'email' }, 'x')).toBe('must be an email address');
    expect(checkField({ type: 'username' }, 'X')).toBe('must be a valid username');
  });
  it('uses defaults when limits are missing', () => {
    expect(checkField({ type: 'int' }, -1)).toBe('must be an integer from 0 to 9007199254740991');
    expect(checkField({ type: 'string' }, 'x'.repeat(1000))).toBeNull();
    expect(checkField({ type: 'string' }, 'x'.repeat(1001))).toBe(
      'must be a string of 0 to 1000 characters',
    );
    expect(checkField({ type: 'string' }, '')).toBeNull();
  });
  it('throws on unknown rule types', () => {
    expect(() => checkField({ type: 'date' }, 'x')).toThrow('unknown rule type: date');
  });
});

describe('validate', () => {
  it('accepts a valid input', () => {
    expect(validate(schema, { email: 'a@b.io', name: 'ada', age: 36 })).toEqual({
      valid: true,
      errors: [],
    });
  });
  it('reports missing required fields but not optional ones', () => {
    expect(validate(schema, { email: 'a@b.io', name: 'ada' })).toEqual({
      valid: false,
      errors: [{ field: 'age', message: 'is required' }],
    });
  });
  it('treats undefined as missing', () => {
    const r = validate(schema, { email: 'a@b.io', name: 'ada', age: undefined });
    expect(r.errors).toEqual([{ field: 'age', message: 'is required' }]);
  });
  it('validates optional fields when present', () => {
    const r = validate(schema, { email: 'a@b.io', name: 'ada', age: 20, bio: 'x'.repeat(11) });
    expect(r.valid).toBe(false);
    expect(r.errors).toEqual([{ field: 'bio', message: 'must be a string of 0 to 10 characters' }]);
  });
  it('collects several errors in schema order', () => {
    const r = validate(schema, { email: 'nope', name: 'ada', age: 12 });
    expect(r.errors.map((e) => e.field)).toEqual(['email', 'age']);
  });
  it('lists missing fields in schema order, then unknown fields in input order', () => {
    const r = validate(schema, { zeta: 1, alpha: 2 });
    expect(r.errors).toEqual([
      { field: 'email', message: 'is required' },
      { field: 'name', message: 'is required' },
      { field: 'age', message: 'is required' },
      { field: 'zeta', message: 'is not allowed' },
      { field: 'alpha', message: 'is not allowed' },
    ]);
  });
  it('rejects non-object input', () => {
    expect(validate(schema, null).valid).toBe(false);
    expect(validate(schema, []).errors).toEqual([
      { field: '', message: 'input must be an object' },
    ]);
    expect(validate(schema, 'x').valid).toBe(false);
  });
});

describe('security', () => {
  it('rejects unknown fields such as role escalation', () => {
    const r = validate(schema, { email: 'a@b.io', name: 'ada', age: 30, isAdmin: true });
    expect(r.valid).toBe(false);
    expect(r.errors).toEqual([{ field: 'isAdmin', message: 'is not allowed' }]);
  });
  it('rejects a __proto__ key from parsed JSON', () => {
    const input = JSON.parse('{"email":"a@b.io","name":"ada","age":30,"__proto__":{"x":1}}');
    expect(validate(schema, input).errors).toEqual([
      { field: '__proto__', message: 'is not allowed' },
    ]);
  });
  it('does not accept inherited properties as present', () => {
    const input = Object.create({ email: 'a@b.io', name: 'ada', age: 30 });
    expect(validate(schema, input).errors).toHaveLength(3);
  });
  it('does not let an array bypass the string length limit', () => {
    expect(checkField({ type: 'string', max: 3 }, ['aaaaaaaa'])).toBe(
      'must be a string of 0 to 3 characters',
    );
  });
  it('does not read limits from the prototype chain', () => {
    const rule = Object.create({ max: 1e9 });
    rule.type = 'string';
    expect(checkField(rule, 'x'.repeat(1001))).not.toBeNull();
  });
});
