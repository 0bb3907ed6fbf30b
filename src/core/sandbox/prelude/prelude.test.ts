import { afterAll, describe, expect, it } from 'vitest';
import { createSandboxEngine } from '../engine';

const engine = createSandboxEngine({ now: () => performance.now() });
afterAll(() => engine.dispose());

/** Runs one test file and returns its tests as `name -> status label: message`. */
async function outcomes(source: string): Promise<Record<string, string>> {
  const result = await engine.run({ files: { 't.test.js': source }, deadlineMs: 2000 });
  if (result.verdict === 'error') throw new Error(`run error: ${result.message ?? ''}`);
  return Object.fromEntries(
    result.tests.map((t) => [t.name, t.status === 'pass' ? 'pass' : `${t.label}: ${t.message}`]),
  );
}

/** Message of a single failing expectation, or 'pass'. */
async function verdictOf(statement: string): Promise<string> {
  return (await outcomes(`test('t', () => { ${statement} });`))['t'] ?? 'missing';
}

describe('expect matchers', () => {
  it.each([
    'expect(3).toBe(3)',
    'expect(NaN).toBe(NaN)',
    'expect({ a: [1, { b: 2 }], u: undefined }).toEqual({ a: [1, { b: 2 }] })',
    'expect(new Map([[1, { x: 1 }]])).toEqual(new Map([[1, { x: 1 }]]))',
    'expect(new Set([1, [2]])).toEqual(new Set([[2], 1]))',
    'expect([1, 2]).toStrictEqual([1, 2])',
    "expect(2).toEqual(2); expect('a').toEqual('a'); expect(NaN).toEqual(NaN); expect(null).toEqual(null)",
    'expect(undefined).toEqual(undefined); expect(2).not.toEqual(-2); expect([]).not.toEqual(0)',
    "expect(() => { throw new TypeError('bad input'); }).toThrow()",
    "expect(() => { throw new TypeError('bad input'); }).toThrow('bad')",
    "expect(() => { throw new TypeError('bad input'); }).toThrow(/in.ut/)",
    "expect(() => { throw new TypeError('bad input'); }).toThrow(TypeError)",
    'expect(() => 1).not.toThrow()',
    'expect(0.1 + 0.2).toBeCloseTo(0.3)',
    'expect(1.005).toBeCloseTo(1, 1)',
    "expect('hello').toContain('ell')",
    'expect([1, 2, 3]).toContain(2)',
    'expect([{ a: 1 }]).toContainEqual({ a: 1 })',
    'expect(1).toBeTruthy(); expect(0).toBeFalsy(); expect(null).toBeNull()',
    'expect(undefined).toBeUndefined(); expect(0).toBeDefined(); expect(NaN).toBeNaN()',
    'expect(2).toBeGreaterThan(1); expect(2).toBeGreaterThanOrEqual(2)',
    'expect(1).toBeLessThan(2); expect(2).toBeLessThanOrEqual(2)',
    "expect([1, 2]).toHaveLength(2); expect('abc').toHaveLength(3)",
    "expect('hello').toMatch(/^h.l/); expect('hello').toMatch('ll')",
    "expect({ a: { b: [0, 7] } }).toHaveProperty('a.b.1', 7); expect({ a: 1 }).toHaveProperty(['a'])",
    'expect(new RangeError()).toBeInstanceOf(Error)',
    'expect({ a: 1, b: { c: 2, d: 3 } }).toMatchObject({ b: { c: 2 } })',
  ])('passes: %s', async (statement) => {
    expect(await verdictOf(statement)).toBe('pass');
  });

  it.each([
    ['expect(3).toBe(4)', 'expected 3 to be 4'],
    ['expect(3).not.toBe(3)', 'expected 3 not to be 3'],
    ["expect('a').toBe('b')", 'expected "a" to be "b"'],
    ['expect({ a: 1 }).toEqual({ a: 2 })', 'expected { a: 1 } to equal { a: 2 }'],
    ['expect([1, [2]]).toEqual([1, [3]])', 'expected [1, [2]] to equal [1, [3]]'],
    ["expect(1).toEqual('1')", 'expected 1 to equal "1"'],
    ['expect(0).toEqual(-0)', 'expected 0 to equal -0'],
    ['expect(null).toEqual({})', 'expected null to equal {}'],
    [
      'expect({ a: undefined }).toStrictEqual({})',
      'expected { a: undefined } to strictly equal {}',
    ],
    [
      'class P { constructor() { this.x = 1; } } expect(new P()).toStrictEqual({ x: 1 })',
      'expected P { x: 1 } to strictly equal { x: 1 }',
    ],
    ['expect(() => {}).toThrow()', 'expected function to throw, but it did not throw'],
    [
      "expect(() => { throw new Error('other'); }).toThrow('bad')",
      'expected function to throw "bad", but it threw Error: other',
    ],
    [
      "expect(() => { throw new Error('x'); }).toThrow(TypeError)",
      'expected function to throw TypeError, but it threw Error: x',
    ],
    ['expect(0.1).toBeCloseTo(0.2)', 'expected 0.1 to be close to (2 digits) 0.2'],
    ['expect([1]).toContain(2)', 'expected [1] to contain 2'],
    ['expect(1).toBeFalsy()', 'expected 1 to be falsy'],
    ['expect(0).toBeNull()', 'expected 0 to be null'],
    ['expect(1).toBeUndefined()', 'expected 1 to be undefined'],
    ['expect(undefined).toBeDefined()', 'expected undefined to be defined'],
    ['expect(1).toBeNaN()', 'expected 1 to be NaN'],
    ['expect(1).toBeGreaterThan(2)', 'expected 1 to be greater than 2'],
    ['expect(3).toBeLessThanOrEqual(2)', 'expected 3 to be less than or equal to 2'],
    ['expect([1]).toHaveLength(2)', 'expected [1] to have length 2, got 1'],
    ["expect('abc').toMatch(/z/)", 'expected "abc" to match /z/'],
    ["expect({}).toHaveProperty('a')", 'expected {} to have property "a"'],
    ['expect(1).toBeInstanceOf(Error)', 'expected 1 to be an instance of Error'],
    ["expect('x').toBeGreaterThan(1)", 'expected two numbers to compare, got "x" and 1'],
  ])('fails: %s', async (statement, message) => {
    expect(await verdictOf(statement)).toBe(`assertion: ${message}`);
  });

  it('supports resolves and rejects', async () => {
    const result = await outcomes(
      [
        "test('ok', async () => { await expect(Promise.resolve(2)).resolves.toBe(2); await expect(Promise.reject(new Error('no'))).rejects.toThrow('no'); });",
        "test('not', async () => { await expect(Promise.resolve(2)).resolves.not.toBe(3); });",
        "test('bad', async () => { await expect(Promise.resolve(1)).rejects.toThrow(); });",
      ].join('\n'),
    );
    expect(result).toEqual({
      ok: 'pass',
      not: 'pass',
      bad: 'assertion: expected promise to reject, but it resolved to 1',
    });
  });
});

describe('test registration and hooks', () => {
  it('runs hooks in order around each test, sync and async', async () => {
    const source = [
      'const log = [];',
      "beforeAll(() => log.push('all'));",
      "beforeEach(async () => { await null; log.push('outer-before'); });",
      "afterEach(() => log.push('outer-after'));",
      "describe('inner', () => {",
      "  beforeEach(() => log.push('inner-before'));",
      "  afterEach(() => log.push('inner-after'));",
      "  afterAll(() => log.push('inner-done'));",
      "  it('a', () => log.push('a'));",
      "  it('b', async () => { await Promise.resolve(); log.push('b'); });",
      '});',
      "test('check', () => { __record('log', log); });",
    ].join('\n');
    const result = await engine.run({ files: { 't.test.js': source } });
    expect(result.verdict).toBe('pass');
    expect(result.tests.map((t) => t.name)).toEqual(['inner > a', 'inner > b', 'check']);
    expect(result.records['log']).toEqual([
      'all',
      ...['outer-before', 'inner-before', 'a', 'inner-after', 'outer-after'],
      ...['outer-before', 'inner-before', 'b', 'inner-after', 'outer-after', 'inner-done'],
      'outer-before',
    ]);
  });

  it('fails every test of a suite whose beforeAll throws, and reports afterEach errors', async () => {
    const result = await outcomes(
      [
        "describe('s', () => { beforeAll(() => { throw new Error('setup'); }); it('a', () => {}); it('b', () => {}); });",
        "describe('t', () => { afterEach(() => { throw new Error('teardown'); }); it('c', () => {}); });",
      ].join('\n'),
    );
    expect(result).toEqual({
      's > a': 'runtime: Error: setup',
      's > b': 'runtime: Error: setup',
      't > c': 'runtime: Error: teardown',
    });
  });

  it('honours .skip; .only runs as a plain test (the code under test could drop the hidden tests)', async () => {
    const skipped = await outcomes(
      "test('a', () => {}); test.skip('b', () => {}); describe.skip('s', () => { it('c', () => {}); }); it.todo('d');",
    );
    expect(Object.keys(skipped)).toEqual(['a']);
    const only = await outcomes(
      "test('a', () => {}); describe.only('s', () => { it('b', () => {}); });",
    );
    expect(Object.keys(only)).toEqual(['a', 's > b']);
  });

  it('labels thrown values, stack overflows and non-errors', async () => {
    const result = await outcomes(
      [
        "test('type', () => { null.x; });",
        "test('stack', () => { const f = () => f() + 1; f(); });",
        "test('json', () => { JSON.parse('['.repeat(100000)); });",
        "test('string', () => { throw 'plain'; });",
        "test('null', () => { throw null; });",
        "test('undefined', async () => { await Promise.reject(undefined); });",
        "test('syntax', () => { new Function('let = ;'); });",
      ].join('\n'),
    );
    expect(result['type']).toMatch(/^runtime: TypeError: /);
    expect(result['stack']).toBe('stack: RangeError: Maximum call stack size exceeded');
    expect(result['json']).toBe('stack: RangeError: Maximum call stack size exceeded');
    expect(result['string']).toBe('runtime: Uncaught "plain"');
    expect(result['null']).toBe('runtime: Uncaught null');
    expect(result['undefined']).toBe('runtime: Uncaught undefined');
    expect(result['syntax']).toMatch(/^syntax: SyntaxError: /);
  });
});

describe('console, console.assert and __record', () => {
  it('captures console output, bounded to 200 lines of 500 characters', async () => {
    const result = await engine.run({
      files: {
        't.test.js':
          "test('log', () => { console.log('n', 1, { a: [1, 'x'] }, null); console.error('e'); console.log('y'.repeat(600)); for (let i = 0; i < 300; i++) console.info(i); });",
      },
    });
    expect(result.console[0]).toBe('n 1 { a: [1, "x"] } null');
    expect(result.console[1]).toBe('e');
    expect(result.console[2]).toBe(`${'y'.repeat(500)}...`);
    expect(result.console).toHaveLength(201);
    expect(result.console[200]).toBe('[sandbox] 103 more console lines dropped');
  });

  it('fails the test on console.assert(false) and makes a top-level entry for script asserts', async () => {
    const result = await engine.run({
      files: {
        't.test.js':
          "console.assert(1 + 1 === 2); console.assert(false, 'top', 3);\ntest('a', () => { console.assert(true); console.assert(0, 'inner'); });",
      },
    });
    expect(result.tests.map((t) => [t.name, t.status, t.label, t.message])).toEqual([
      ['(top level)', 'fail', 'assertion', 'Assertion failed: top 3'],
      ['a', 'fail', 'assertion', 'Assertion failed: inner'],
    ]);
    const script = await engine.run({ files: { 't.test.js': 'console.assert(2 > 1);' } });
    expect(script.verdict).toBe('pass');
    expect(script.tests).toMatchObject([{ name: '(top level)', status: 'pass' }]);
  });

  it('stores JSON-cloned records, last write wins', async () => {
    const result = await engine.run({
      files: {
        't.test.js':
          "test('r', () => { const v = { a: [1, 2], d: new Date(0), f() {} }; __record('v', v); v.a.push(3); __record('n', 1); __record('n', 2); __record('u', undefined); __record('__proto__', 5); });",
      },
    });
    expect(result.records).toEqual({
      v: { a: [1, 2], d: '1970-01-01T00:00:00.000Z' },
      n: 2,
      u: null,
      ['__proto__']: 5,
    });
    expect(Object.getPrototypeOf(result.records)).toBe(Object.prototype);
  });
});
