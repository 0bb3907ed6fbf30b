/**
 * Prelude part 2 (JavaScript evaluated inside QuickJS): `expect` with `.not`, `.resolves`,
 * `.rejects` and Jest's common matchers. Each matcher returns `[pass, message(negated)]`.
 * The matchers most tests use are parsed with the prelude; the rest, and `.resolves`/`.rejects`,
 * are {@link CHUNK_MATCHERS}, parsed on first use (parsing is the main cost of a run).
 */

/** Matchers defined by {@link CHUNK_MATCHERS} (the prototype needs every name up front). */
const LAZY_MATCHERS = [
  'toStrictEqual',
  'toMatchObject',
  'toContain',
  'toContainEqual',
  'toBeNaN',
  'toMatch',
  'toHaveProperty',
  'toBeInstanceOf',
];

export const PRELUDE_EXPECT = String.raw`
  class AssertionError extends Error {
    constructor(message) {
      super(message);
      this.name = 'AssertionError';
    }
  }

  function says(actual, verb, expected, hasExpected) {
    return (negated) =>
      'expected ' + inspect(actual) + (negated ? ' not ' : ' ') + verb +
      (hasExpected ? ' ' + inspect(expected) : '');
  }

  function thrownText(error) {
    return error instanceof Error ? String(error.message) : String(error);
  }

  function throwMatches(error, expected) {
    if (expected === undefined) return true;
    if (typeof expected === 'string') return thrownText(error).includes(expected);
    if (expected instanceof RegExp) return expected.test(thrownText(error));
    if (typeof expected === 'function') return error instanceof expected;
    if (expected instanceof Error) return thrownText(error) === expected.message;
    throw new TypeError('toThrow expects nothing, a string, a RegExp or an error class');
  }

  function describeExpected(expected) {
    if (expected === undefined) return '';
    if (typeof expected === 'function') return ' ' + (expected.name || 'an error class');
    return ' ' + inspect(expected instanceof Error ? expected.message : expected);
  }

  function toThrow(actual, expected) {
    if (typeof actual !== 'function') throw new AssertionError('expected a function, got ' + inspect(actual));
    let threw = false;
    let error;
    try {
      actual();
    } catch (caught) {
      threw = true;
      error = caught;
    }
    const pass = threw && throwMatches(error, expected);
    return [pass, (negated) =>
      'expected function' + (negated ? ' not ' : ' ') + 'to throw' + describeExpected(expected) +
      (threw ? ', but it threw ' + inspect(error) : ', but it did not throw')];
  }

  function compare(actual, expected, verb, test) {
    const numeric = (x) => typeof x === 'number' || typeof x === 'bigint';
    if (!numeric(actual) || !numeric(expected)) {
      throw new AssertionError('expected two numbers to compare, got ' + inspect(actual) + ' and ' + inspect(expected));
    }
    return [test(actual, expected), says(actual, verb, expected, true)];
  }

  const MATCHERS = {
    toBe: (a, e) => [Object.is(a, e), says(a, 'to be', e, true)],
    toEqual: (a, e) => [deepEqual(a, e, false), says(a, 'to equal', e, true)],
    toThrow,
    toThrowError: toThrow,
    toBeCloseTo: (a, e, digits) => {
      const places = digits === undefined ? 2 : digits;
      const pass = a === e || mathAbs(a - e) < mathPow(10, -places) / 2;
      return [pass, says(a, 'to be close to (' + places + ' digits)', e, true)];
    },
    toBeTruthy: (a) => [!!a, says(a, 'to be truthy')],
    toBeFalsy: (a) => [!a, says(a, 'to be falsy')],
    toBeNull: (a) => [a === null, says(a, 'to be null')],
    toBeUndefined: (a) => [a === undefined, says(a, 'to be undefined')],
    toBeDefined: (a) => [a !== undefined, says(a, 'to be defined')],
    toBeGreaterThan: (a, e) => compare(a, e, 'to be greater than', (x, y) => x > y),
    toBeGreaterThanOrEqual: (a, e) => compare(a, e, 'to be greater than or equal to', (x, y) => x >= y),
    toBeLessThan: (a, e) => compare(a, e, 'to be less than', (x, y) => x < y),
    toBeLessThanOrEqual: (a, e) => compare(a, e, 'to be less than or equal to', (x, y) => x <= y),
    toHaveLength: (a, e) => {
      const length = a === null || a === undefined ? undefined : a.length;
      return [length === e, (negated) => says(a, 'to have length', e, true)(negated) + (negated ? '' : ', got ' + inspect(length))];
    },
  };

  // The rarer matchers and resolves/rejects are a chunk parsed on first use (see CHUNK_MATCHERS).
  let moreImpl = null;
  function more() {
    if (moreImpl === null) {
      moreImpl = evalChunk(host.chunk('matchers'))({ AssertionError, says, inspect, deepEqual, matchesObject, check });
    }
    return moreImpl;
  }
  const MATCHER_NAMES = Object.keys(MATCHERS).concat(${JSON.stringify(LAZY_MATCHERS)});

  // Math's functions stay assignable (tests stub Math.random): the matchers keep their own.
  const mathAbs = Math.abs;
  const mathPow = Math.pow;

  function check(name, actual, args, negated) {
    const matcher = Object.prototype.hasOwnProperty.call(MATCHERS, name) ? MATCHERS[name] : more()[name];
    const outcome = matcher.apply(null, [actual].concat(args));
    if (outcome[0] === negated) throw new AssertionError(outcome[1](negated));
  }

  // Matchers live on one prototype: expect() runs thousands of times and QuickJS is slow at
  // building closures.
  function Expectation(actual, negated, mode) {
    this.actual = actual;
    this.negated = negated;
    this.mode = mode;
  }
  for (const name of MATCHER_NAMES) {
    Expectation.prototype[name] = function (...args) {
      if (this.mode) return more().settle(this.actual, this.mode, name, args, this.negated);
      check(name, this.actual, args, this.negated);
    };
  }
  // No prototype above it: an expectation's own fields are set by assignment, which a setter
  // test code added to Object.prototype would otherwise intercept (e.g. one for 'negated').
  Object.setPrototypeOf(Expectation.prototype, null);
  const chain = (get) => ({ get, enumerable: false, configurable: false });
  Object.defineProperties(Expectation.prototype, {
    not: chain(function () { return new Expectation(this.actual, !this.negated, this.mode); }),
    resolves: chain(function () { return new Expectation(this.actual, this.negated, 'resolves'); }),
    rejects: chain(function () { return new Expectation(this.actual, this.negated, 'rejects'); }),
  });

  /** Jest-style expect: expect(x).toBe(y), expect(x).not.toBe(y), await expect(p).rejects.toThrow(). */
  function expect(actual) {
    return new Expectation(actual, false, null);
  }
`;

/**
 * Prelude chunk: the rarer matchers ({@link LAZY_MATCHERS}) and `settle` for `.resolves` and
 * `.rejects`, over helpers the prelude passes in.
 */
export const CHUNK_MATCHERS = String.raw`(function (prelude) {
  'use strict';
  const { AssertionError, says, inspect, deepEqual, matchesObject, check } = prelude;

  function propertyAt(object, path) {
    const keys = Array.isArray(path) ? path : String(path).split('.');
    let current = object;
    for (const key of keys) {
      if (current === null || current === undefined || !(key in Object(current))) return [false];
      current = current[key];
    }
    return [true, current];
  }

  function items(actual) {
    if (actual === null || actual === undefined || typeof actual[Symbol.iterator] !== 'function') {
      throw new AssertionError('expected a string or an iterable, got ' + inspect(actual));
    }
    return Array.from(actual);
  }

  function settle(promise, mode, name, args, negated) {
    return Promise.resolve(promise).then(
      (value) => {
        if (mode === 'rejects') throw new AssertionError('expected promise to reject, but it resolved to ' + inspect(value));
        check(name, value, args, negated);
      },
      (reason) => {
        if (mode === 'resolves') throw new AssertionError('expected promise to resolve, but it rejected with ' + inspect(reason));
        const actual = name.startsWith('toThrow') ? () => { throw reason; } : reason;
        check(name, actual, args, negated);
      },
    );
  }

  return {
    settle,
    toStrictEqual: (a, e) => [deepEqual(a, e, true), says(a, 'to strictly equal', e, true)],
    toMatchObject: (a, e) => [matchesObject(a, e), says(a, 'to match object', e, true)],
    toContain: (a, e) => [typeof a === 'string' ? a.includes(e) : items(a).some((x) => x === e || Object.is(x, e)), says(a, 'to contain', e, true)],
    toContainEqual: (a, e) => [items(a).some((x) => deepEqual(x, e, false)), says(a, 'to contain equal', e, true)],
    toBeNaN: (a) => [Number.isNaN(a), says(a, 'to be NaN')],
    toMatch: (a, e) => {
      if (typeof a !== 'string') throw new AssertionError('expected a string to match, got ' + inspect(a));
      return [e instanceof RegExp ? e.test(a) : a.includes(String(e)), says(a, 'to match', e, true)];
    },
    toHaveProperty: function (a, path, value) {
      const found = propertyAt(a, path);
      const checkValue = arguments.length > 2;
      const pass = found[0] && (!checkValue || deepEqual(found[1], value, false));
      const verb = 'to have property ' + inspect(path) + (checkValue ? ' equal to' : '');
      return [pass, says(a, verb, value, checkValue)];
    },
    toBeInstanceOf: (a, e) => [typeof e === 'function' && a instanceof e, (negated) =>
      'expected ' + inspect(a) + (negated ? ' not ' : ' ') + 'to be an instance of ' + ((e && e.name) || inspect(e))],
  };
})`;
