import type { TestCase } from '../../answers/types';
import { listFunctions } from '../../js/functions';
import type { AnalyzedMutant, ExportedFn, ProjectAnalysis } from '../analyze';
import { emptySpace, literalsInText, uniq } from '../space';
import type { Task } from '../types';
import { baseTask, referenceTests, type GenContext } from './common';

const MIN_MUTANTS = 4;
const MAX_MUTANTS = 12;

/** Greedy set cover: few pool inputs that together tell every mutant apart from the correct code. */
function coverInputs(inputs: number[], mutants: AnalyzedMutant[]): number[] | null {
  const left = new Set(mutants.map((_, i) => i));
  const chosen: number[] = [];
  while (left.size > 0) {
    let best = -1;
    let bestKills = 0;
    for (const input of inputs) {
      const kills = [...left].filter((i) => mutants[i]!.differs.includes(input)).length;
      if (kills > bestKills) [best, bestKills] = [input, kills];
    }
    if (best < 0) return null;
    chosen.push(best);
    for (const i of [...left]) if (mutants[i]!.differs.includes(best)) left.delete(i);
  }
  return chosen;
}

function functionSource(a: ProjectAnalysis, e: ExportedFn): string {
  const source = a.project.files[e.module]!;
  const f = listFunctions(source).find((x) => x.name === e.fn);
  return f ? source.slice(f.start, f.end) : '';
}

/**
 * Unit-test generation tasks for one exported function: its caught, input-distinguishable
 * mutants (the shared sample and the test-generation extra) are split into disjoint hidden sets
 * of 4-12, so no two tasks hide the same mutant (sets of 3 let a uniformly random answer kill
 * them all about a quarter of the time); the gold answer is a small input set
 * (expected values recorded from the correct code) that catches every mutant of its set.
 */
export function testgenTasks(ctx: GenContext, e: ExportedFn): Task[] {
  const a = ctx.analysis;
  const inputs = a.pool
    .map((p, i) => (p.module === e.module && p.fn === e.fn ? i : -1))
    .filter((i) => i >= 0);
  const killable = [...a.mutants, ...a.testgenMutants].filter(
    (m) =>
      m.file === e.module && m.functionName === e.fn && m.differs.some((d) => inputs.includes(d)),
  );
  const shuffled = ctx.rng.shuffle(killable);
  const tasks: Task[] = [];
  const doc = `${e.jsdoc ? `${e.jsdoc}\n` : ''}${functionSource(a, e)}`;
  for (let at = 0; shuffled.length - at >= MIN_MUTANTS;) {
    const size = Math.min(
      MAX_MUTANTS,
      shuffled.length - at,
      MIN_MUTANTS + ctx.rng.int(MAX_MUTANTS - MIN_MUTANTS + 1),
    );
    const group = shuffled.slice(at, at + size);
    at += size;
    const cover = coverInputs(inputs, group);
    if (!cover) continue;
    const cases: TestCase[] = cover.map((i) => ({
      module: e.module,
      fn: e.fn,
      args: a.pool[i]!.args,
    }));
    const distractors = ctx.rng.shuffle(inputs.filter((i) => !cover.includes(i))).slice(0, 3);
    const argLiterals = [...cover, ...distractors].flatMap((i) => a.pool[i]!.args);
    tasks.push({
      ...baseTask(ctx, 'testgen', `${e.module}|${e.fn}|${group.map((m) => m.id).join(',')}`),
      prompt: {
        title: `Write unit tests for ${e.fn}`,
        body: `Write tests for \`${e.fn}\` (exported from ${e.module}) that pass on this correct code and would catch bugs in it. Each TEST calls ${e.fn} with literal arguments; leave out EXPECT to record the value the correct code returns.\n\n${doc}`,
      },
      files: { ...a.project.files },
      focus: { file: e.module, fn: e.fn, startLine: e.startLine, endLine: e.endLine },
      gold: { kind: 'tests', cases },
      hidden: {
        tests: referenceTests(a),
        mutants: group.map((m) => ({
          id: m.id,
          file: m.file,
          content: m.content,
          description: m.description,
        })),
      },
      space: {
        ...emptySpace(),
        functions: [{ module: e.module, fn: e.fn, arity: e.arity }],
        literals: uniq([...argLiterals, ...literalsInText(doc)]),
        maxCases: Math.max(4, cases.length),
      },
      meta: { fn: e.fn, mutants: group.map((m) => m.id) },
    });
  }
  return tasks;
}
