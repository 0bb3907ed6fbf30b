import { parseLiteral, parseLiteralCall } from '../../core/answers/literals';
import type { AnswerSpace, CallableFn } from '../../core/tasks/types';
import { plural } from '../../protocol/plural';
import { readAnswer } from './steps';

/** A line of a test answer, from the form's fields. */
export function testLine(fn: CallableFn, args: string, expect: string): string {
  const call = `TEST ${fn.module} ${fn.fn}(${args.trim()})`;
  return expect.trim() ? `${call} EXPECT ${expect.trim()}` : call;
}

/** How many tests an answer's text holds (one TEST line each). */
export const testCount = (text: string | undefined): number =>
  (text ?? '').split('\n').filter((l) => l.trim().startsWith('TEST')).length;

/** How many arguments a function takes: its arity, and up to `optional` more. */
export function argumentsText(arity: number, optional: number): string {
  if (optional === 0) return plural(arity, 'argument');
  return `${arity} ${optional === 1 ? 'or' : 'to'} ${arity + optional} arguments`;
}

/**
 * Why the form's test cannot be added to the answer, or null: the answer is full, or the test
 * lacks what the task requires (arguments, EXPECT), or it does not read. The person fixes the
 * fields (or removes a test from the answer) and adds it then.
 */
export function testFormProblem(
  space: Pick<AnswerSpace, 'maxCases' | 'expectRequired'>,
  fn: CallableFn | undefined,
  args: string,
  expect: string,
  text: string | undefined,
  /** The arguments `fn` takes beyond its arity (defaulted or rest parameters). */
  optional = 0,
): string | null {
  if (!fn) return 'This task offers no function to call.';
  const takes = `${fn.fn} takes ${argumentsText(fn.arity, optional)}`;
  const held = testCount(text);
  if (held >= space.maxCases)
    return `The answer already holds ${plural(held, 'test')}, the most it may hold (${space.maxCases}): remove one from the answer below to add another.`;
  if (fn.arity > 0 && !args.trim()) return `Write the arguments to add the test: ${takes}.`;
  if (space.expectRequired && !expect.trim())
    return `EXPECT is missing: this task requires the value ${fn.fn} should return, as the issue says.`;
  const field = fieldProblem(fn, args, expect);
  if (field) return field;
  const read = readAnswer(testLine(fn, args, expect));
  if (!read.ok) return read.reason;
  const given = read.answer.kind === 'tests' ? (read.answer.cases[0]?.args.length ?? 0) : 0;
  if (given > fn.arity + optional) return `Too many arguments: ${takes}, the test gives ${given}.`;
  return null;
}

/** The reader's words without its position in a text the person never saw ("(1:0)"). */
const detail = (error: unknown): string =>
  (error as Error).message
    .replace(/^cannot read the (value|call): /, '')
    .replace(/ \(\d+:\d+\)$/, '')
    .replace(/^\w/, (c) => c.toLowerCase());

const LITERALS = "a number, 'text' in quotes, [an, array] or {an: 'object'}";

/** Which field of the form does not read, and why, or null when both do. */
function fieldProblem(fn: CallableFn, args: string, expect: string): string | null {
  try {
    parseLiteralCall(`${fn.fn}(${args.trim()})`);
  } catch (error) {
    return `The arguments do not read: ${detail(error)}. Write them as literals (${LITERALS}), separated by commas.`;
  }
  if (!expect.trim()) return null;
  try {
    parseLiteral(expect);
  } catch (error) {
    return `EXPECT is not a literal: ${detail(error)}. Write the value ${fn.fn} should return as one literal (${LITERALS}).`;
  }
  return null;
}

/** An answer written by hand past the task's limit of tests, said before it is checked. */
export function tooManyTests(text: string | undefined, maxCases: number): string | null {
  const held = testCount(text);
  return held > maxCases
    ? `The answer holds ${held} tests; this task takes at most ${maxCases}: remove ${held - maxCases} before checking.`
    : null;
}

/**
 * What the task will refuse in tests written by hand in the answer box, said before they are
 * checked, as the form says it of its test: a call of a function the task does not offer, or a
 * missing EXPECT where the task requires one. Also the limit of tests (`tooManyTests`).
 */
export function typedTestsProblem(
  space: Pick<AnswerSpace, 'maxCases' | 'expectRequired' | 'functions'>,
  text: string | undefined,
): string | null {
  const many = tooManyTests(text, space.maxCases);
  if (many) return many;
  const read = readAnswer(text);
  if (!read.ok || read.answer.kind !== 'tests') return null;
  for (const [i, c] of read.answer.cases.entries()) {
    const which = `Test ${i + 1} (${c.fn})`;
    if (!space.functions.some((f) => f.module === c.module && f.fn === c.fn)) {
      const offered = space.functions.map((f) => `${f.fn} in ${f.module}`).join(', ');
      return `${which}: the task offers no function ${c.fn} in ${c.module}; it offers ${offered || 'none'}.`;
    }
    if (space.expectRequired && c.expect === undefined)
      return `${which}: EXPECT is missing: this task requires the value ${c.fn} should return, as the issue says.`;
  }
  return null;
}
