import { listFunctions } from '../../js/functions';
import { applyMutation, findMutations } from '../../js/mutate';
import type { Rng } from '../../rng';
import type { AnalyzedMutant, ProjectAnalysis } from '../analyze';
import type { WrittenIssue } from './common';

/** The kinds of candidate patch a reviewer sees (the paper's review skill, made concrete). */
export type CandidateType = 'gold' | 'wrong-place' | 'partial' | 'special-case' | 'weakened-test';

export interface Candidate {
  type: CandidateType;
  /** The repository after the candidate patch. */
  files: Record<string, string>;
}

/** Another mutation somewhere other than the bug's line: an edit in the wrong place. */
export function wrongPlace(
  a: ProjectAnalysis,
  m: AnalyzedMutant,
  buggy: Record<string, string>,
  rng: Rng,
): Candidate | null {
  const file = rng.pick(a.sources);
  const options = findMutations(buggy[file]!).filter(
    (x) => file !== m.file || Math.abs(x.line - m.line) > 1,
  );
  if (options.length === 0) return null;
  return {
    type: 'wrong-place',
    files: { ...buggy, [file]: applyMutation(buggy[file]!, rng.pick(options)) },
  };
}

/**
 * A patch that special-cases the issue's example: returns the expected value for exactly those
 * arguments and leaves the bug in place.
 */
export function specialCase(
  a: ProjectAnalysis,
  issue: WrittenIssue,
  buggy: Record<string, string>,
): Candidate | null {
  const source = buggy[issue.input.module]!;
  const fn = listFunctions(source).find((f) => f.name === issue.input.fn);
  if (!fn) return null;
  const lines = source.split('\n');
  const header = lines[fn.startLine - 1];
  if (!header?.trimEnd().endsWith('{') || fn.params.some((p) => !/^[A-Za-z_$][\w$]*$/.test(p)))
    return null;
  const guard = `  if (JSON.stringify([${fn.params.join(', ')}]) === JSON.stringify([${issue.input.args.join(', ')}])) return ${issue.expected};`;
  lines.splice(fn.startLine, 0, guard);
  void a;
  return { type: 'special-case', files: { ...buggy, [issue.input.module]: lines.join('\n') } };
}

/** A patch that deletes the test file whose tests fail, leaving the bug in place. */
export function weakenedTest(m: AnalyzedMutant, buggy: Record<string, string>): Candidate | null {
  const failingFile = m.failingTests[0]?.split(' > ')[0];
  if (!failingFile || buggy[failingFile] === undefined) return null;
  const files = { ...buggy };
  delete files[failingFile];
  return { type: 'weakened-test', files };
}
