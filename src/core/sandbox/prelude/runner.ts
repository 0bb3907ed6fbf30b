/**
 * Prelude part (JavaScript evaluated inside QuickJS): test registration (`describe`, `it`,
 * hooks), error classification and the per-test runner the host drives one test at a time,
 * so a hung or interrupted test still leaves the earlier results with the host. A test whose
 * hooks and body are synchronous runs synchronously (no promise jobs to pump).
 */
export const PRELUDE_RUNNER = String.raw`
  let root = null;
  let current = null;
  let flat = [];
  let topLevel = { calls: 0, failures: [] };
  let activeTest = null;

  function newSuite(name, parent, mode) {
    return { name, parent, entries: [], beforeAll: [], afterAll: [], beforeEach: [], afterEach: [],
      mode, started: false, failure: null, last: -1 };
  }

  function modeOf(parentMode, own) {
    return parentMode === 'skip' || own === 'skip' ? 'skip' : 'run';
  }

  // Read by the host as JSON: copied first onto objects and arrays with no prototype, so
  // nothing test code adds to Object.prototype or Array.prototype (a toJSON, a setter for '0';
  // lockdown keeps them extensible) takes part.
  function bare(value) {
    if (value === null || typeof value !== 'object') return value;
    const out = Object.setPrototypeOf(Array.isArray(value) ? [] : {}, null);
    for (const key of Object.keys(value)) out[key] = bare(value[key]);
    return out;
  }
  function json(value) {
    return JSON.stringify(bare(value));
  }

  function register(mode) {
    return (name, fn) => {
      current.entries.push({ kind: 'test', name: String(name), fn, mode: modeOf(current.mode, mode), suite: current });
    };
  }

  function registerSuite(mode) {
    return (name, fn) => {
      const suite = newSuite(String(name), current, modeOf(current.mode, mode));
      current.entries.push({ kind: 'suite', suite });
      const parent = current;
      current = suite;
      try {
        if (typeof fn === 'function') fn();
      } finally {
        current = parent;
      }
    };
  }

  function hook(kind) {
    return (fn) => {
      if (typeof fn !== 'function') throw new TypeError(kind + ' expects a function');
      current[kind].push(fn);
    };
  }

  function chainOf(suite) {
    const chain = [];
    for (let s = suite; s !== null; s = s.parent) chain.unshift(s);
    return chain;
  }

  function fullName(test) {
    return chainOf(test.suite).slice(1).map((s) => s.name).concat([test.name]).join(' > ');
  }

  function flatten(suite, out) {
    for (const entry of suite.entries) {
      if (entry.kind === 'suite') flatten(entry.suite, out);
      else out.push(entry);
    }
    return out;
  }

  function errorFrame(error) {
    const stack = error && typeof error.stack === 'string' ? error.stack : '';
    for (const line of stack.split('\n')) {
      const match = /\(?([^()\s]+:\d+:\d+)\)?\s*$/.exec(line.trim());
      if (match && !match[1].startsWith(PRELUDE_FILE) && !match[1].startsWith('<')) return match[1];
    }
    return undefined;
  }

  function classify(error) {
    const name = error.name;
    const message = String(error.message);
    if (name === 'AssertionError') return 'assertion';
    if (/out of memory/i.test(message)) return 'memory';
    if (/call stack|stack overflow/i.test(message)) return 'stack';
    if (name === 'SyntaxError') return 'syntax';
    if (name === 'InternalError' && message === 'interrupted') return 'timeout';
    return 'runtime';
  }

  function failure(error) {
    // QuickJS-ng throws null when it cannot even allocate the out-of-memory error.
    if ((error === null || error === undefined) && host.memoryPressure()) {
      return { label: 'memory', message: 'InternalError: out of memory' };
    }
    if (!(error instanceof Error)) return { label: 'runtime', message: 'Uncaught ' + inspect(error) };
    const label = classify(error);
    const message = label === 'assertion' ? error.message : error.name + ': ' + error.message;
    return { label, message, at: errorFrame(error) };
  }

  // Runs the steps in order, synchronously as long as none returns a thenable; a step that
  // throws (or rejects) ends the series unless keepGoing. Calls done with the first failure,
  // boxed as { error } because test code may throw null or undefined.
  function series(steps, index, keepGoing, failed, done) {
    for (let i = index; i < steps.length; i++) {
      let out;
      try {
        out = steps[i]();
      } catch (error) {
        if (failed === null) failed = { error };
        if (keepGoing) continue;
        return done(failed);
      }
      if (out !== null && (typeof out === 'object' || typeof out === 'function') && typeof out.then === 'function') {
        const onError = (error) => {
          const first = failed === null ? { error } : failed;
          return keepGoing ? series(steps, i + 1, keepGoing, first, done) : done(first);
        };
        return Promise.resolve(out).then(() => series(steps, i + 1, keepGoing, failed, done), onError);
      }
    }
    return done(failed);
  }

  function beforeSteps(test, chain) {
    const steps = [];
    for (const suite of chain) {
      if (suite.started) continue;
      suite.started = true;
      steps.push(() => series(suite.beforeAll, 0, false, null, (failed) => { suite.failure = failed; }));
    }
    steps.push(() => {
      const failed = chain.find((suite) => suite.failure !== null);
      if (failed) throw failed.failure.error;
    });
    for (const suite of chain) for (const fn of suite.beforeEach) steps.push(fn);
    steps.push(() => {
      if (typeof test.fn !== 'function') throw new TypeError('test "' + test.name + '" has no function');
      return test.fn();
    });
    return steps;
  }

  function afterSteps(chain, index) {
    const steps = [];
    const inner = chain.slice().reverse();
    for (const suite of inner) for (const fn of suite.afterEach) steps.push(fn);
    for (const suite of inner) if (suite.last === index) for (const fn of suite.afterAll) steps.push(fn);
    return steps;
  }

  function outcomeOf(test, failed) {
    const asserts = activeTest.asserts;
    activeTest = null;
    const bad = failed !== null ? failure(failed.error)
      : asserts.length > 0 ? { label: 'assertion', message: asserts[0] } : null;
    if (bad === null) return json({ name: fullName(test), status: 'pass' });
    return json({ name: fullName(test), status: 'fail', label: bad.label, message: bad.message, at: bad.at });
  }

  /** Runs test i of the current file: JSON outcome, or a promise of it if the test is async. */
  function runTest(index) {
    const test = flat[index];
    const chain = chainOf(test.suite);
    activeTest = { asserts: [] };
    return series(beforeSteps(test, chain), 0, false, null, (failed) =>
      series(afterSteps(chain, index), 0, true, failed, (first) => outcomeOf(test, first)));
  }

  /** Before each test file: a fresh registry. */
  function beginFile() {
    root = newSuite('', null, 'run');
    current = root;
    flat = [];
    topLevel = { calls: 0, failures: [] };
  }

  // After a test file was evaluated: the runnable tests, honouring .skip. Not .only (a plain
  // test): the code under test is evaluated as the test file imports it, so its it.only would
  // silently drop the hidden tests (review 41core); no test this sandbox grades needs it.
  function collect() {
    flat = flatten(root, []).filter((test) => test.mode !== 'skip');
    flat.forEach((test, index) => {
      for (const suite of chainOf(test.suite)) suite.last = index;
    });
    return json({
      names: flat.map(fullName),
      topLevelAsserts: topLevel.calls,
      topLevelFailures: topLevel.failures,
    });
  }

  function consoleAssert(condition, ...rest) {
    if (activeTest === null) topLevel.calls++;
    if (condition) return;
    const detail = rest.map((x) => (typeof x === 'string' ? x : inspect(x))).join(' ');
    const message = 'Assertion failed' + (detail ? ': ' + detail : '');
    host.log(message);
    if (activeTest !== null) activeTest.asserts.push(message);
    else topLevel.failures.push(message);
  }
`;
