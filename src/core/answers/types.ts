/**
 * The answer language: every skill's answer is a short typed program, so a small model can
 * decode it token by token (masked to the valid choices), a person can write it, and an LLM's
 * text can be parsed into it. All three go through the same verifier.
 */

/** Replace one token (index in the file's token list) with new text. */
export interface ReplaceEdit {
  op: 'replace';
  file: string;
  token: number;
  text: string;
}

/** Insert a whole line before line `line` (1-based; `lines + 1` appends). */
export interface InsertEdit {
  op: 'insert';
  file: string;
  line: number;
  text: string;
}

/** Delete line `line` (1-based). */
export interface DeleteEdit {
  op: 'delete';
  file: string;
  line: number;
}

export type Edit = ReplaceEdit | InsertEdit | DeleteEdit;

/** One generated test: call `fn` exported by `module` with literal arguments. */
export interface TestCase {
  module: string;
  fn: string;
  /** JavaScript literal source text for each argument. */
  args: string[];
  /** Literal source of the expected value; absent: recorded from the correct code. */
  expect?: string;
}

export type Verdict = 'YES' | 'NO';

export type Answer =
  | { kind: 'files'; files: string[] }
  | { kind: 'edits'; edits: Edit[] }
  | { kind: 'tests'; cases: TestCase[] }
  | { kind: 'verdict'; verdict: Verdict; comment?: string }
  | { kind: 'steps'; steps: Answer[] };

export type AnswerKind = Answer['kind'];

/** Thrown when an answer's text cannot be read; says the line and what was expected. */
export class AnswerSyntaxError extends Error {
  override name = 'AnswerSyntaxError';
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
  }
}
