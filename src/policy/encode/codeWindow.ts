import { listFunctions } from '../../core/js/functions';
import type { Task } from '../../core/tasks/types';
import { codeTokens } from './textTokens';

/**
 * Which lines of a task's code the observation shows: each line ranked by relevance from what
 * the agent may see (the prompt, the task's focus, the repository), then the best lines fill the
 * token budget.
 */

/** The file's functions; none when it does not parse (a buggy file may declare a name twice). */
function functionsOf(source: string): ReturnType<typeof listFunctions> {
  try {
    return listFunctions(source);
  } catch {
    return [];
  }
}

/** Words of JavaScript that name no binding: a prompt mentioning them says nothing about a place. */
const KEYWORDS = new Set(
  (
    'break case catch class const continue debugger default delete do else export extends false ' +
    'finally for function if import in instanceof let new null of return static super switch ' +
    'this throw true try typeof undefined var void while with yield async await'
  ).split(' '),
);

/**
 * Identifiers the prompt mentions. `strong`: written as code (inside backticks, or called as
 * `name(`); `all`: every identifier-like word, prose included.
 */
function mentions(task: Task): { strong: Set<string>; all: Set<string> } {
  const text = `${task.prompt.title}\n${task.prompt.body}`;
  const ids = (s: string): string[] => s.match(/[A-Za-z_$][\w$]*/g) ?? [];
  const strong = new Set<string>();
  for (const m of text.matchAll(/`([^`\n]*)`/g)) for (const id of ids(m[1]!)) strong.add(id);
  for (const m of text.matchAll(/([A-Za-z_$][\w$]*)\s*\(/g)) strong.add(m[1]!);
  const all = new Set([...ids(text), ...strong]);
  for (const set of [strong, all]) for (const k of KEYWORDS) set.delete(k);
  return { strong, all };
}

export interface SourceView {
  file: string;
  tokens: ReturnType<typeof codeTokens>;
  /** Token values of each line that holds a token. */
  lines: Map<number, string[]>;
  /** The line where each line's last token ends (a template literal may span lines). */
  ends: Map<number, number>;
  fns: ReturnType<typeof listFunctions>;
  /** The first and last lines that hold a token (0 when none does). */
  first: number;
  last: number;
}

export function viewOf(task: Task, file: string): SourceView {
  const source = task.files[file] ?? '';
  const tokens = codeTokens(source);
  const lines = new Map<number, string[]>();
  const ends = new Map<number, number>();
  for (const t of tokens) {
    const row = lines.get(t.line) ?? [];
    row.push(t.value);
    lines.set(t.line, row);
    ends.set(t.line, t.line + (t.value.match(/\n/g)?.length ?? 0));
  }
  const first = tokens[0]?.line ?? 0;
  const last = tokens[tokens.length - 1]?.line ?? 0;
  return { file, tokens, lines, ends, fns: functionsOf(source), first, last };
}

/**
 * Whether a line of the view's file is on the task's focus: the lines its instruction names
 * (`task.focus`). A task that asks for an edit without naming a place (an issue to fix) focuses
 * on the functions the prompt writes as code (`countInRange` in "We call `countInRange`..."),
 * where the agent would start reading. Never reads the gold, the hidden material or the meta.
 * `strong`: the prompt's code mentions, when the caller has them already.
 */
export function focusLines(
  task: Task,
  v: SourceView,
  strong?: ReadonlySet<string>,
): (line: number) => boolean {
  const f = task.focus;
  if (f) {
    if (f.file !== v.file || !f.startLine) return () => false;
    const first = f.startLine;
    const last = f.endLine ?? first;
    return (line) => line >= first && line <= last;
  }
  if (task.space.replacements.length === 0) return () => false;
  const named = strong ?? mentions(task).strong;
  const spans = v.fns.filter((fn) => named.has(fn.name));
  return (line) => spans.some((fn) => line >= fn.startLine && line <= fn.endLine);
}

/** Names a function's body mentions (candidate callees, found by name). */
function bodyNames(v: SourceView, fn: SourceView['fns'][number]): Set<string> {
  const out = new Set<string>();
  for (const [line, row] of v.lines)
    if (line >= fn.startLine && line <= fn.endLine) for (const w of row) out.add(w);
  return out;
}

/**
 * How much each shown line matters, from what the agent may see: the prompt's wording, the
 * task's focus and the repository. Functions the prompt names rank first, then the functions
 * they call and those calling them, then the top of each file (imports, constants); lines that
 * spell a name the prompt writes as code, and the focus lines, rank higher still (for a
 * refactoring, every line spelling the named function ranks first). Other code
 * counts double in files the prompt names (or that define a named function). Never reads the
 * gold, the hidden material or the task's meta, so the window is the same without them.
 */
function lineScores(task: Task, views: readonly SourceView[]): Map<number, number>[] {
  const { strong, all } = mentions(task);
  if (task.focus?.fn) all.add(task.focus.fn);
  const declared = new Map<string, { v: SourceView; fn: SourceView['fns'][number] }[]>();
  for (const v of views)
    for (const fn of v.fns) declared.set(fn.name, [...(declared.get(fn.name) ?? []), { v, fn }]);
  const named = new Set([...all].filter((n) => declared.has(n)));
  const calls = new Map<string, Set<string>>();
  for (const [name, defs] of declared) {
    const names = new Set<string>();
    for (const d of defs)
      for (const w of bodyNames(d.v, d.fn)) if (w !== name && declared.has(w)) names.add(w);
    calls.set(name, names);
  }
  // Named functions score 8, the functions they call 5, then 4, 3.5, ... down the call graph;
  // callers of a named function 3.
  const unit = new Map<string, number>();
  for (const [name, callees] of calls)
    if ([...callees].some((c) => named.has(c))) unit.set(name, 3);
  let frontier = [...named];
  for (let depth = 0; frontier.length > 0; depth++) {
    const score = depth === 0 ? 8 : depth === 1 ? 5 : 2 + 4 / depth;
    const next: string[] = [];
    for (const n of frontier) {
      if ((unit.get(n) ?? 0) >= score) continue;
      unit.set(n, score);
      next.push(...(calls.get(n) ?? []));
    }
    frontier = next;
  }
  // How many lines spell each name: a rare name the prompt writes as code points at few places.
  const spread = new Map<string, number>();
  for (const v of views)
    for (const row of v.lines.values())
      for (const w of new Set(row)) if (strong.has(w)) spread.set(w, (spread.get(w) ?? 0) + 1);
  const text = `${task.prompt.title}\n${task.prompt.body}`;
  const relevant = views.map(
    (v) =>
      text.includes(v.file) ||
      task.focus?.file === v.file ||
      v.fns.some((fn) => named.has(fn.name)),
  );
  const anyRelevant = relevant.some(Boolean);
  // A refactoring changes every place that spells the named function (a rename: each import
  // and call); other skills look at what it does first, then where it is used.
  const uses = task.kind === 'refactor' ? 10 : 3;
  return views.map((v, k) => {
    const weight = relevant[k] || !anyRelevant ? 1 : 0.5;
    const firstFn = Math.min(...v.fns.map((fn) => fn.startLine));
    const focus = focusLines(task, v, strong);
    const scores = new Map<number, number>();
    let head = 0;
    for (const [line, row] of v.lines) {
      const fn = v.fns.find((f) => line >= f.startLine && line <= f.endLine);
      const related = fn ? unit.get(fn.name) : undefined;
      let score = related ?? weight * (fn ? 1 : line < firstFn && head++ < 3 ? 3 : 1.5);
      // The file's first line ranks with its imports: inserts "after the imports" land there.
      if (line === v.first) score = Math.max(score, 3);
      for (const w of new Set(row)) {
        if (named.has(w)) score += uses;
        else if (strong.has(w)) score += Math.min(4, 8 / (spread.get(w) ?? 1));
      }
      if (focus(line)) score += 10;
      scores.set(line, score);
    }
    return scores;
  });
}

/**
 * The lines of each file to show within `budget` tokens: the best-scoring lines first, each
 * costing its tokens plus one separator, and a file its path.
 */
export function chooseLines(
  task: Task,
  views: readonly SourceView[],
  budget: number,
): Set<number>[] {
  const scores = lineScores(task, views);
  const ranked: { k: number; line: number; score: number }[] = [];
  scores.forEach((m, k) => {
    for (const [line, score] of m) ranked.push({ k, line, score });
  });
  ranked.sort((a, b) => b.score - a.score || a.k - b.k || a.line - b.line);
  const chosen = views.map(() => new Set<number>());
  /** Functions (or a file's top-level code) a line did not fit in: their later lines would leave a hole. */
  const cut = new Set<string>();
  let left = budget;
  for (const { k, line } of ranked) {
    const v = views[k]!;
    const fn = v.fns.find((f) => line >= f.startLine && line <= f.endLine);
    const unit = `${k}:${fn?.startLine ?? 0}`;
    if (cut.has(unit)) continue;
    // A line costs its tokens, a separator and its number; a file's first shown line its path,
    // its last line the `<nl>` that names the end of the file.
    const cost =
      v.lines.get(line)!.length + 2 + (chosen[k]!.size === 0 ? 1 : 0) + (line === v.last ? 1 : 0);
    if (cost > left) {
      cut.add(unit);
      continue;
    }
    chosen[k]!.add(line);
    left -= cost;
  }
  return chosen;
}
