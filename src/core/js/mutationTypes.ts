import type { JsToken } from './tokens';
import type { LooseNode } from './parse';
import type { ScopeIndex } from './scope';

/** Mutation operator families, in the order mutations at the same offset are listed. */
export const MUTATION_OPERATORS = [
  'arithmetic',
  'equality',
  'relational',
  'logical',
  'negate-condition',
  'literal-number',
  'literal-boolean',
  'literal-string',
  'method-swap',
  'swap-arguments',
  'remove-guard',
  'remove-statement',
  'wrong-variable',
  'update',
  'assignment',
] as const;

/** One operator family name. */
export type MutationOperator = (typeof MUTATION_OPERATORS)[number];

/** Replace the token at `tokenIndex` (whose text is `original`) with `replacement`. */
export interface TokenEdit {
  tokenIndex: number;
  original: string;
  replacement: string;
}

/** Insert `text` plus a newline before 1-based `line` (line count + 1 appends at the end). */
export interface LineInsert {
  line: number;
  text: string;
}

/** A single small fault to inject into a module. */
export interface Mutation {
  /** Stable across runs: operator, start offset and replacement (or a hash of a long one). */
  id: string;
  operator: MutationOperator;
  /** Span in the original source that `replacement` takes the place of. */
  start: number;
  end: number;
  original: string;
  replacement: string;
  /** 1-based line of `start`. */
  line: number;
  /** The innermost named function around the mutation, if any. */
  functionName?: string;
  /** For people: "changed `<` to `<=` in clamp, line 12". */
  description: string;
  /** The same change as one token replacement in `tokenize(original source)`. */
  tokenEdit?: TokenEdit;
  /** The one token replacement in `tokenize(mutated source)` that restores the original. */
  fixTokenEdit?: TokenEdit;
  /** For removed statements: the line insertion into the mutant that restores the original. */
  fixLineInsert?: LineInsert;
}

/** What an operator proposes before validation; `what` is the description without its place. */
export interface Candidate {
  operator: MutationOperator;
  start: number;
  end: number;
  replacement: string;
  what: string;
}

/** What an operator sees at each visited node. */
export interface OperatorContext {
  source: string;
  tokens: readonly JsToken[];
  node: LooseNode;
  /** Root first, parent last. */
  ancestors: readonly LooseNode[];
  scope: ScopeIndex;
}

/** Proposes candidate mutations for one node (most operators ignore most node types). */
export type OperatorFn = (ctx: OperatorContext) => Candidate[];
