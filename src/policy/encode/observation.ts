import { listFunctions } from '../../core/js/functions';
import type { Task } from '../../core/tasks/types';
import { codeTokens, proseTokens } from './textTokens';
import { observationIds, type Vocabulary } from './vocab';

/**
 * Segment ids the encoder embeds, so it knows what kind of text each position holds. `line`: the
 * number of the code line that follows (a prompt saying "line 12" is matched to the marker `12`).
 * `focus`: code on the lines the task is about (`task.focus`: the line an edit instruction names,
 * the function a test or refactoring is for), which the instruction states in words.
 */
export const SEGMENTS = {
  tag: 0,
  prompt: 1,
  files: 2,
  code: 3,
  candidates: 4,
  patch: 5,
  line: 6,
  focus: 7,
} as const;

/**
 * Rows of the model's segment embedding: the segments above plus spare rows, fixed so that
 * checkpoints saved before a segment was added still load.
 */
export const SEGMENT_TYPES = 8;

/** A task as the model sees it, plus where every pointer target sits. */
export interface EncodedTask {
  tokens: Int32Array;
  segments: Int32Array;
  /** Surface text at each position (what a copy pointer copies). */
  texts: string[];
  files: { path: string; pos: number }[];
  code: { file: string; token: number; line: number; pos: number }[];
  literals: { text: string; pos: number }[];
  functions: { module: string; fn: string; arity: number; pos: number }[];
  inserts: { text: string; pos: number }[];
  /**
   * Lines without a token that an insert may still name: the separator right after shown line
   * P (or a file's opening `<code>`, P = 0) names line P + 1 when that line holds no token (a
   * blank or comment line, or the end of the file: one `<nl>` follows a file's last line).
   */
  gaps: { file: string; line: number; pos: number }[];
}

class Builder {
  readonly texts: string[] = [];
  readonly segs: number[] = [];
  constructor(readonly capacity: number) {}
  get room(): number {
    return this.capacity - this.texts.length;
  }
  push(text: string, segment: number): number {
    if (this.room <= 0) return -1;
    this.texts.push(text);
    this.segs.push(segment);
    return this.texts.length - 1;
  }
  pushAll(texts: readonly string[], segment: number, limit: number): void {
    for (const t of texts.slice(0, Math.max(0, limit))) this.push(t, segment);
  }
}

const FILE_KINDS = new Set(['localization', 'bugfix', 'bugfix-multi']);

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

interface SourceView {
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

function viewOf(task: Task, file: string): SourceView {
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
    const focus = task.focus?.file === v.file && task.focus.startLine ? task.focus : null;
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
      if (focus && line >= focus.startLine! && line <= (focus.endLine ?? focus.startLine!))
        score += 10;
      scores.set(line, score);
    }
    return scores;
  });
}

/**
 * The lines of each file to show within `budget` tokens: the best-scoring lines first, each
 * costing its tokens plus one separator, and a file its path.
 */
function chooseLines(task: Task, views: readonly SourceView[], budget: number): Set<number>[] {
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

function codeFiles(task: Task): string[] {
  const edits = task.space.replacements.length > 0;
  if (!edits) return task.focus ? [task.focus.file] : [];
  const sources = task.space.files.filter((f) => !f.endsWith('.test.js'));
  return task.kind === 'refactor' ? task.space.files : sources;
}

/**
 * Code of each file in blocks of shown lines: `<code>`, the file's path, its lines joined by
 * `<nl>`, each line opening with its number; a block after skipped lines starts with `<code>`
 * again.
 */
function pushCode(b: Builder, task: Task, out: EncodedTask, budget: number): void {
  const views = codeFiles(task).map((file) => viewOf(task, file));
  const chosen = chooseLines(task, views, budget);
  for (const [k, v] of views.entries()) {
    const lines = chosen[k]!;
    if (lines.size === 0) continue;
    /** Whether a line directly follows the previous line that holds a token. */
    const follows = new Set<number>();
    let last = -1;
    for (const line of v.lines.keys()) {
      if (lines.has(last) && lines.has(line)) follows.add(line);
      last = line;
    }
    /** A separator after line `after` (0: the file's top) names the token-less line below it. */
    const gap = (pos: number, after: number, next: number): void => {
      const end = v.ends.get(after) ?? after;
      if (pos >= 0 && end + 1 < next) out.gaps.push({ file: v.file, line: end + 1, pos });
    };
    const focus = task.focus?.file === v.file && task.focus.startLine ? task.focus : null;
    const inFocus = (line: number): boolean =>
      !!focus && line >= focus.startLine! && line <= (focus.endLine ?? focus.startLine!);
    let prev = -1;
    for (const [i, t] of v.tokens.entries()) {
      if (!lines.has(t.line)) continue;
      if (t.line !== prev) {
        if (prev === -1) {
          const pos = b.push('<code>', SEGMENTS.code);
          if (t.line === v.first) gap(pos, 0, t.line);
          b.push(v.file, SEGMENTS.files);
        } else if (follows.has(t.line)) gap(b.push('<nl>', SEGMENTS.code), prev, t.line);
        else b.push('<code>', SEGMENTS.code);
        b.push(String(t.line), SEGMENTS.line);
        prev = t.line;
      }
      const pos = b.push(t.value, inFocus(t.line) ? SEGMENTS.focus : SEGMENTS.code);
      if (pos >= 0) out.code.push({ file: v.file, token: i, line: t.line, pos });
    }
    if (prev === v.last) gap(b.push('<nl>', SEGMENTS.code), prev, Infinity);
  }
}

/**
 * The literal candidates in the order the prompt first writes them (the rest after, as listed):
 * an issue's call `f(a, b)` then offers `a` before `b`, and the expected value after them.
 */
function literalsInPromptOrder(task: Task): string[] {
  const text = `${task.prompt.title}\n${task.prompt.body}`;
  const at = (lit: string): number => {
    const i = text.indexOf(lit);
    return i < 0 ? Infinity : i;
  };
  return task.space.literals
    .map((lit, i) => ({ lit, i, at: at(lit) }))
    .sort((a, b) => a.at - b.at || a.i - b.i)
    .map((x) => x.lit);
}

function pushPatch(b: Builder, patch: string, limit: number): void {
  b.push('<patch>', SEGMENTS.patch);
  for (const line of patch.split('\n')) {
    if (b.room <= 0 || limit <= 0) break;
    if (line.startsWith('+++') || line.startsWith('---')) {
      b.push('<file>', SEGMENTS.patch);
      b.push(line.slice(4).replace(/^[ab]\//, ''), SEGMENTS.patch);
      limit -= 2;
    } else if (line.startsWith('+') || line.startsWith('-')) {
      b.push(line.startsWith('+') ? '<add-line>' : '<del-line>', SEGMENTS.patch);
      const toks = codeTokens(line.slice(1))
        .map((t) => t.value)
        .slice(0, 30);
      b.pushAll(toks, SEGMENTS.patch, limit);
      limit -= toks.length + 1;
    }
  }
}

/** Lays a task out as at most `maxLen` tokens: tag, prompt, files, code, candidates, patch. */
export function encodeTask(task: Task, vocab: Vocabulary, maxLen = 512): EncodedTask {
  const b = new Builder(maxLen);
  const out: EncodedTask = {
    tokens: new Int32Array(0),
    segments: new Int32Array(0),
    texts: b.texts,
    files: [],
    code: [],
    literals: [],
    functions: [],
    inserts: [],
    gaps: [],
  };
  b.push(`<${task.kind}>`, SEGMENTS.tag);
  const promptLimit = task.kind === 'testgen' ? 200 : task.kind === 'review' ? 110 : 140;
  b.pushAll(
    [...proseTokens(task.prompt.title), '<sep>', ...proseTokens(task.prompt.body)],
    SEGMENTS.prompt,
    promptLimit,
  );
  b.push('<sep>', SEGMENTS.prompt);
  if (FILE_KINDS.has(task.kind)) {
    for (const path of task.space.files) {
      b.push('<file>', SEGMENTS.files);
      const pos = b.push(path, SEGMENTS.files);
      if (pos >= 0) out.files.push({ path, pos });
      const names = [
        ...(task.files[path] ?? '').matchAll(
          /export\s+(?:async\s+)?(?:function\*?|const|let)\s+([A-Za-z_$][\w$]*)/g,
        ),
      ].map((m) => m[1]!);
      b.pushAll(names, SEGMENTS.files, 6);
    }
  }
  for (const f of task.space.functions) {
    b.push('<fn>', SEGMENTS.candidates);
    const pos = b.push(f.fn, SEGMENTS.candidates);
    if (pos >= 0) out.functions.push({ ...f, pos });
  }
  for (const text of literalsInPromptOrder(task).slice(0, 40)) {
    const pos = b.push('<lit>', SEGMENTS.candidates);
    b.pushAll(
      codeTokens(text).map((t) => t.value),
      SEGMENTS.candidates,
      4,
    );
    if (pos >= 0) out.literals.push({ text, pos });
  }
  for (const text of task.space.insertLines) {
    const pos = b.push('<ins>', SEGMENTS.candidates);
    b.pushAll(
      codeTokens(text).map((t) => t.value),
      SEGMENTS.candidates,
      12,
    );
    if (pos >= 0) out.inserts.push({ text, pos });
  }
  if (task.patch) pushPatch(b, task.patch, Math.min(b.room, 160));
  pushCode(b, task, out, b.room);
  out.tokens = observationIds(vocab, b.texts);
  out.segments = Int32Array.from(b.segs);
  return out;
}
