import { describe, expect, it } from 'vitest';
import { classifyError, hostFailure, summarize, type RunFacts } from './outcome';
import type { TestResult } from './types';

const facts = (over: Partial<RunFacts>): RunFacts => ({
  tests: [],
  console: [],
  records: {},
  fatal: null,
  fileErrors: [],
  testFiles: ['a.test.js'],
  ms: 1,
  checks: 0,
  ...over,
});
const pass: TestResult = { file: 'a.test.js', name: 'p', status: 'pass', ms: 0 };
const fail = (label: TestResult['label']): TestResult => ({
  ...pass,
  name: 'f',
  status: 'fail',
  label,
});

describe('classifyError', () => {
  it.each([
    ['AssertionError', 'expected 1 to be 2', 'assertion'],
    ['InternalError', 'out of memory', 'memory'],
    ['RangeError', 'Maximum call stack size exceeded', 'stack'],
    ['InternalError', 'stack overflow', 'stack'],
    ['SyntaxError', 'unexpected token', 'syntax'],
    ['InternalError', 'interrupted', 'timeout'],
    ['TypeError', 'x is not a function', 'runtime'],
  ] as const)('%s: %s -> %s', (name, message, label) => {
    expect(classifyError(name, message)).toBe(label);
  });

  it('labels host-level failures', () => {
    expect(hostFailure(new RangeError('Maximum call stack size exceeded')).label).toBe('stack');
    expect(hostFailure(new Error('Aborted(OOM)')).label).toBe('memory');
    expect(hostFailure('weird').label).toBe('runtime');
  });
});

describe('summarize', () => {
  it('passes only when tests ran and all passed', () => {
    expect(summarize(facts({ tests: [pass] }))).toMatchObject({ verdict: 'pass' });
    expect(summarize(facts({ tests: [pass] })).label).toBeUndefined();
    expect(summarize(facts({}))).toMatchObject({ verdict: 'error', label: 'runtime' });
  });

  it('fails with the dominant label of the failures', () => {
    const result = summarize(
      facts({ tests: [pass, fail('stack'), fail('assertion'), fail('assertion')] }),
    );
    expect(result).toMatchObject({
      verdict: 'fail',
      label: 'assertion',
      message: '3 of 4 tests failed',
    });
  });

  it('is an error on a fatal or file-level failure, even with passing tests', () => {
    const fatal = { label: 'timeout', message: 'deadline exceeded' } as const;
    expect(summarize(facts({ tests: [pass], fatal }))).toMatchObject({
      verdict: 'error',
      label: 'timeout',
    });
    const fileErrors = [{ label: 'syntax', message: 'SyntaxError: x' } as const];
    expect(summarize(facts({ tests: [pass], fileErrors }))).toMatchObject({
      verdict: 'error',
      label: 'syntax',
      message: 'SyntaxError: x',
    });
  });
});
