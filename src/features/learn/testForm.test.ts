import { describe, expect, it } from 'vitest';
import {
  argumentsText,
  testFormProblem,
  testLine,
  tooManyTests,
  typedTestsProblem,
} from './testForm';

const fn = { module: 'cents.js', fn: 'groupThousands', arity: 1 };
const repro = { maxCases: 1, expectRequired: true };
const unit = { maxCases: 3, expectRequired: false };

describe('the Learn page’s test form', () => {
  it('refuses a reproduction without arguments or without the EXPECT it requires', () => {
    expect(testFormProblem(repro, fn, '', '', undefined)).toBe(
      'Write the arguments to add the test: groupThousands takes 1 argument.',
    );
    expect(testFormProblem(repro, fn, '1234', ' ', undefined)).toBe(
      'EXPECT is missing: this task requires the value groupThousands should return, as the issue says.',
    );
    expect(testFormProblem(repro, fn, '1234', "'1,234'", undefined)).toBeNull();
    expect(testLine(fn, ' 1234 ', "'1,234'")).toBe(
      "TEST cents.js groupThousands(1234) EXPECT '1,234'",
    );
  });

  it('adds no test beyond the limit, and says how to make room', () => {
    const one = "TEST cents.js groupThousands(1) EXPECT '1'";
    expect(testFormProblem(repro, fn, '1234', "'1,234'", one)).toBe(
      'The answer already holds 1 test, the most it may hold (1): remove one from the answer below to add another.',
    );
    expect(testFormProblem(unit, fn, '1234', '', `${one}\n${one}`)).toBeNull();
    expect(testFormProblem(unit, fn, '1234', '', `${one}\n${one}\n${one}`)).toContain(
      'already holds 3 tests',
    );
  });

  it('says, before checking, that a hand-written answer holds too many tests', () => {
    const line = 'TEST cents.js groupThousands(1)';
    expect(tooManyTests(`${line}\n${line}`, 2)).toBeNull();
    expect(tooManyTests(`${line}\n\n${line}\n${line}`, 1)).toBe(
      'The answer holds 3 tests; this task takes at most 1: remove 2 before checking.',
    );
  });

  it('says, before checking, what a hand-written test lacks that the form would have said', () => {
    const space = { ...repro, functions: [fn] };
    expect(typedTestsProblem(space, "TEST cents.js groupThousands(1) EXPECT '1'")).toBeNull();
    expect(typedTestsProblem(space, "TEST cents.js groupThousands('1234')")).toBe(
      'Test 1 (groupThousands): EXPECT is missing: this task requires the value groupThousands should return, as the issue says.',
    );
    expect(typedTestsProblem(space, 'TEST cents.js nosuch(1) EXPECT 1')).toBe(
      'Test 1 (nosuch): the task offers no function nosuch in cents.js; it offers groupThousands in cents.js.',
    );
    expect(
      typedTestsProblem({ ...unit, functions: [fn] }, 'TEST cents.js groupThousands(1)'),
    ).toBeNull();
    // Text that does not read is the parser's to say; the limit is said first.
    expect(typedTestsProblem(space, 'TEST nothing here')).toBeNull();
    expect(typedTestsProblem(space, 'TEST cents.js nosuch(1)\nTEST cents.js nosuch(2)')).toMatch(
      /^The answer holds 2 tests/,
    );
  });

  it('leaves EXPECT optional where the task does, and says what does not read', () => {
    expect(testFormProblem(unit, fn, '1234', '', undefined)).toBeNull();
    expect(testFormProblem(unit, fn, '1, 2', '', undefined)).toBe(
      'Too many arguments: groupThousands takes 1 argument, the test gives 2.',
    );
    expect(testFormProblem(unit, fn, '(', '', undefined)).toMatch(
      /^The arguments do not read: unexpected token\. Write them as literals/,
    );
    expect(testFormProblem(unit, fn, 'x', '', undefined)).toMatch(
      /^The arguments do not read: argument 1 is not a literal value/,
    );
    expect(testFormProblem(unit, undefined, '', '', undefined)).toBe(
      'This task offers no function to call.',
    );
  });

  it('allows the optional arguments a function takes (defaulted or rest parameters)', () => {
    // groupThousands(digits, separator = ','): one argument, or two.
    expect(testFormProblem(unit, fn, "'1234567', '.'", '', undefined, 1)).toBeNull();
    expect(testFormProblem(unit, fn, "'1', '.', 3", '', undefined, 1)).toBe(
      'Too many arguments: groupThousands takes 1 or 2 arguments, the test gives 3.',
    );
    expect(testFormProblem(repro, fn, '', '', undefined, 1)).toBe(
      'Write the arguments to add the test: groupThousands takes 1 or 2 arguments.',
    );
    expect(argumentsText(0, 0)).toBe('0 arguments');
    expect(argumentsText(2, 3)).toBe('2 to 5 arguments');
  });

  it('names the EXPECT field, not the answer’s line 1, when the EXPECT does not read', () => {
    expect(testFormProblem(repro, fn, "'1234'", "'1,234", undefined)).toBe(
      "EXPECT is not a literal: unterminated string constant. Write the value groupThousands should return as one literal (a number, 'text' in quotes, [an, array] or {an: 'object'}).",
    );
    expect(testFormProblem(repro, fn, "'1234'", "'1' '2'", undefined)).toMatch(
      /^EXPECT is not a literal: "'1' '2'" is not a single literal value\./,
    );
  });
});
