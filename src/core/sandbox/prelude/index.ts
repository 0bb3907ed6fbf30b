/**
 * The test-API prelude evaluated in every fresh QuickJS context. It evaluates to a function of
 * a host object `{ log(text), record(key, json), chunk(name), memoryPressure() }`; calling it installs the
 * globals test code sees, locks the realm (lockdown.ts) and returns the runner the host drives: `beginFile()`; `collect()`,
 * JSON of `{ names, topLevelAsserts, topLevelFailures }`; `runTest(i)`, JSON of
 * `{ name, status, label?, message?, at? }` or a promise of it.
 *
 * Parsing is the main cost of a run in QuickJS (~0.1 ms per KB), so the source is compacted
 * and the parts passing tests rarely need (printing values, deep equality) are chunks parsed
 * on first use.
 */
import { CHUNK_EQUAL } from './equal';
import { CHUNK_MATCHERS, PRELUDE_EXPECT } from './expect';
import { CHUNK_INSPECT } from './inspect';
import { PRELUDE_LOCKDOWN } from './lockdown';
import { PRELUDE_RUNNER } from './runner';

/** File name the prelude is evaluated under (its frames are hidden from failure locations). */
export const PRELUDE_FILE = 'sandbox:prelude';

/** Names the prelude installs as globals. */
export const PRELUDE_GLOBALS = [
  'console',
  'describe',
  'it',
  'test',
  'beforeEach',
  'afterEach',
  'beforeAll',
  'afterAll',
  'expect',
  '__record',
] as const;

const LAZY = String.raw`
  // Captured before any test code runs: test code may delete or replace the global eval.
  const evalChunk = (0, eval);
  let inspectImpl = null;
  let equalImpl = null;
  function inspect(value) {
    if (inspectImpl === null) inspectImpl = evalChunk(host.chunk('inspect'))();
    return inspectImpl(value);
  }
  function equal() {
    if (equalImpl === null) equalImpl = evalChunk(host.chunk('equal'))();
    return equalImpl;
  }
  // Equal primitives (the common toEqual) need no chunk: the same answer as equalAt's first lines.
  const deepEqual = (a, b, strict) =>
    Object.is(a, b) ||
    (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && equal().deepEqual(a, b, strict));
  const matchesObject = (a, b) => equal().matchesObject(a, b);
`;

const INSTALL = String.raw`
  function formatArgs(args) {
    return args.map((x) => (typeof x === 'string' ? x : inspect(x))).join(' ');
  }
  const sandboxConsole = {};
  for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace']) {
    sandboxConsole[level] = (...args) => host.log(formatArgs(args));
  }
  sandboxConsole.assert = consoleAssert;

  const it = register('run');
  it.skip = register('skip');
  it.only = register('only');
  it.todo = () => {};
  const describe = registerSuite('run');
  describe.skip = registerSuite('skip');
  describe.only = registerSuite('only');

  function record(key, value) {
    const json = JSON.stringify(value);
    host.record(String(key), json === undefined ? 'null' : json);
  }

  const globals = {
    console: sandboxConsole, describe, it, test: it, expect, __record: record,
    beforeEach: hook('beforeEach'), afterEach: hook('afterEach'),
    beforeAll: hook('beforeAll'), afterAll: hook('afterAll'),
  };
  for (const name of Object.keys(globals)) {
    Object.defineProperty(globalThis, name, { value: globals[name], writable: true, configurable: true });
  }
  lockdown([Expectation.prototype, AssertionError], [
    [Math, null],
    [Date, ['now', 'parse', 'UTC']],
    [sandboxConsole, ['log', 'info', 'warn', 'error', 'debug', 'trace']],
  ]);
  return { beginFile, collect, runTest };
`;

/**
 * Drops indentation, blank lines and whole-line comments. Only whole lines are touched, so
 * string and regex literals are safe (the prelude has no multi-line literals).
 */
export function compact(source: string): string {
  return source
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('//') && !line.startsWith('/**'))
    .join('\n');
}

/** The prelude source: a function expression taking the host object. */
export const PRELUDE_SOURCE = compact(
  [
    "(function (host) {\n'use strict';",
    `const PRELUDE_FILE = ${JSON.stringify(PRELUDE_FILE)};`,
    LAZY,
    PRELUDE_EXPECT,
    PRELUDE_RUNNER,
    PRELUDE_LOCKDOWN,
    INSTALL,
    '})',
  ].join('\n'),
);

/** Sources of the lazily parsed chunks, by the name the prelude asks for. */
export const PRELUDE_CHUNKS: Readonly<Record<string, string>> = {
  inspect: compact(CHUNK_INSPECT),
  equal: compact(CHUNK_EQUAL),
  matchers: compact(CHUNK_MATCHERS),
};
