import { parseLiteralCall } from '../answers/literals';
import type { Outcome } from '../answers/testSource';
import type { Edit } from '../answers/types';
import { sourceFiles, testFiles, type CorpusProject } from '../corpus';
import { listFunctions } from '../js/functions';
import { applyMutation, findMutations } from '../js/mutate';
import type { Rng } from '../rng';
import type { SandboxRunner } from '../sandbox/types';
import { GRADE_LIMITS, probeCases } from '../skills/grading';
import { findLiteralCalls } from './literalCalls';
import { distinguishing } from './outcomes';
import { tokenEditsBetween } from './tokenFix';

/** An exported function of a project: what tests and issues can call. */
export interface ExportedFn {
  module: string;
  fn: string;
  arity: number;
  startLine: number;
  endLine: number;
  jsdoc?: string;
}

/** A concrete call used to probe behaviour (from doc examples and reference tests). */
export interface InputCall {
  module: string;
  fn: string;
  args: string[];
}

/** A mutant the reference tests catch, with everything task generators need. */
export interface AnalyzedMutant {
  id: string;
  file: string;
  operator: string;
  description: string;
  line: number;
  functionName?: string;
  /** The whole mutated file. */
  content: string;
  failingTests: string[];
  /** A test under `describe('security')` fails. */
  security: boolean;
  /**
   * Edits on the mutant that restore the original (token replacements; an imported bug's fix
   * may also insert and delete lines); null when the fix is not a few edits.
   */
  fixEdits: Edit[] | null;
  /** Outcome of each pool input on this mutant. */
  outcomes: (Outcome | null)[];
  /** Pool inputs whose outcome differs from the correct code's. */
  differs: number[];
}

export interface ProjectAnalysis {
  project: CorpusProject;
  sources: string[];
  tests: string[];
  /** Why the project cannot be used (reference tests fail...), or null. */
  problem: string | null;
  exports: ExportedFn[];
  pool: InputCall[];
  correct: (Outcome | null)[];
  mutants: AnalyzedMutant[];
  /**
   * More caught mutants, for unit-test generation only: mutations beyond the shared sample, tried
   * only inside exported functions that have pool inputs (so a test can call them), spread
   * round-robin across those functions. Disjoint from `mutants`.
   */
  testgenMutants: AnalyzedMutant[];
  /** How many mutations were tried (shared sample and test-generation extra), and why the others were dropped. */
  tried: number;
  dropped: Record<string, number>;
}

const MAX_INPUTS_PER_FN = 12;
const SLOW_LABELS = new Set(['timeout', 'memory', 'stack']);

function exportsOf(project: CorpusProject, sources: string[]): ExportedFn[] {
  return sources.flatMap((module) =>
    listFunctions(project.files[module]!)
      .filter((f) => f.exported)
      .map((f) => ({
        module,
        fn: f.name,
        // Required parameters only: a decoder fills exactly these (defaults stay defaults).
        arity: f.params.filter((p) => !p.includes('=') && !p.startsWith('...')).length,
        startLine: f.startLine,
        endLine: f.endLine,
        ...(f.jsdoc ? { jsdoc: f.jsdoc } : {}),
      })),
  );
}

/** Inputs from doc examples, literal calls in the reference tests and given extra calls, de-duplicated. */
function inputPool(
  project: CorpusProject,
  exports: ExportedFn[],
  tests: string[],
  extra: readonly InputCall[],
): InputCall[] {
  const pool: InputCall[] = [];
  const seen = new Set<string>();
  for (const e of exports) {
    const calls: string[][] = [];
    for (const f of listFunctions(project.files[e.module]!).filter((x) => x.name === e.fn)) {
      for (const ex of f.examples) {
        try {
          calls.push(parseLiteralCall(ex.call).args);
        } catch {
          // An example that is not a literal call is documentation only.
        }
      }
    }
    for (const t of tests)
      for (const c of findLiteralCalls(project.files[t]!, new Set([e.fn]))) calls.push(c.args);
    for (const c of extra) if (c.module === e.module && c.fn === e.fn) calls.push(c.args);
    let kept = 0;
    for (const args of calls) {
      const key = `${e.module}|${e.fn}(${args.join(',')})`;
      if (seen.has(key) || kept >= MAX_INPUTS_PER_FN) continue;
      seen.add(key);
      pool.push({ module: e.module, fn: e.fn, args });
      kept++;
    }
  }
  return pool;
}

type Candidate = { file: string; m: ReturnType<typeof findMutations>[number] };

/** Takes items round-robin across lists (first of each list, then second...), at most `max`. */
function roundRobin<T>(lists: readonly (readonly T[])[], max: number): T[] {
  const picked: T[] = [];
  for (let i = 0; picked.length < max && lists.some((l) => i < l.length); i++) {
    for (const list of lists) if (i < list.length && picked.length < max) picked.push(list[i]!);
  }
  return picked;
}

/**
 * Picks `max` mutations round-robin across files, in a seeded order, and then up to `extra`
 * more of the rest that lie in a function `extraIn(file, fn)` accepts, round-robin across
 * those functions (so a function with few mutations still gets some).
 */
function sampleMutations(
  project: CorpusProject,
  sources: string[],
  rng: Rng,
  max: number,
  extra: number,
  extraIn: (file: string, fn: string) => boolean,
): { shared: Candidate[]; extra: Candidate[] } {
  const perFile = sources.map((file) =>
    rng.shuffle(findMutations(project.files[file]!)).map((m): Candidate => ({ file, m })),
  );
  const shared = roundRobin(perFile, max);
  const taken = new Set(shared);
  const perFn = new Map<string, Candidate[]>();
  for (const c of perFile.flat()) {
    const fn = c.m.functionName;
    if (taken.has(c) || fn === undefined || !extraIn(c.file, fn)) continue;
    const key = `${c.file}|${fn}`;
    perFn.set(key, [...(perFn.get(key) ?? []), c]);
  }
  return { shared, extra: extra > 0 ? roundRobin([...perFn.values()], extra) : [] };
}

/**
 * Runs a project's reference tests, probes its exported functions on an input pool, and keeps
 * the sampled mutants the reference tests catch (dropping those that hang or blow limits).
 * `extraInputs` join the pool after the doc examples and test calls (e.g. calls an imported
 * task's documentation shows in a form that is not a JSDoc example). `testgenMutants` more
 * mutations, in exported functions with pool inputs, are tried for unit-test generation alone.
 */
export async function analyzeProject(
  project: CorpusProject,
  sandbox: SandboxRunner,
  rng: Rng,
  maxMutants = 90,
  extraInputs: readonly InputCall[] = [],
  testgenMutants = 0,
): Promise<ProjectAnalysis> {
  const sources = sourceFiles(project.files);
  const tests = testFiles(project.files);
  const exports = exportsOf(project, sources);
  const base = {
    project,
    sources,
    tests,
    exports,
    tried: 0,
    dropped: {} as Record<string, number>,
    mutants: [] as AnalyzedMutant[],
    testgenMutants: [] as AnalyzedMutant[],
  };
  const reference = await sandbox.run({ files: project.files, ...GRADE_LIMITS });
  if (reference.verdict !== 'pass') {
    const failing = reference.tests.filter((t) => t.status === 'fail').map((t) => t.name);
    return {
      ...base,
      pool: [],
      correct: [],
      problem: `reference tests do not pass (${reference.message ?? failing.join('; ')})`,
    };
  }
  const rawPool = inputPool(project, exports, tests, extraInputs);
  const probe = await probeCases(sandbox, project.files, rawPool);
  const keep = rawPool.map((_, i) => probe.outcomes[i] !== null);
  const pool = rawPool.filter((_, i) => keep[i]);
  const correct = probe.outcomes.filter((o) => o !== null);
  const drop = (why: string): void => void (base.dropped[why] = (base.dropped[why] ?? 0) + 1);
  const callable = new Set(pool.map((p) => `${p.module}|${p.fn}`));
  const sample = sampleMutations(project, sources, rng, maxMutants, testgenMutants, (file, fn) =>
    callable.has(`${file}|${fn}`),
  );
  const analyze = async ({ file, m }: Candidate): Promise<AnalyzedMutant | null> => {
    base.tried++;
    const content = applyMutation(project.files[file]!, m);
    const files = { ...project.files, [file]: content };
    const run = await sandbox.run({ files, ...GRADE_LIMITS });
    if (run.verdict === 'pass') {
      drop('survived the reference tests');
      return null;
    }
    if (run.label && SLOW_LABELS.has(run.label)) {
      drop(`ends in ${run.label}`);
      return null;
    }
    const failingTests = run.tests
      .filter((t) => t.status === 'fail')
      .map((t) => `${t.file} > ${t.name}`);
    const mutantProbe = await probeCases(sandbox, files, pool);
    return {
      id: m.id,
      file,
      operator: m.operator,
      description: m.description,
      line: m.line,
      ...(m.functionName ? { functionName: m.functionName } : {}),
      content,
      failingTests,
      security: failingTests.some((t) => /(^|> )security >/.test(t)),
      fixEdits: tokenEditsBetween(file, content, project.files[file]!),
      outcomes: mutantProbe.outcomes,
      differs: distinguishing(correct, mutantProbe.outcomes),
    };
  };
  for (const c of sample.shared) {
    const m = await analyze(c);
    if (m) base.mutants.push(m);
  }
  for (const c of sample.extra) {
    const m = await analyze(c);
    if (m) base.testgenMutants.push(m);
  }
  return { ...base, pool, correct, problem: null };
}
