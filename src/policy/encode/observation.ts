import type { Task } from '../../core/tasks/types';
import { chooseLines, focusLines, viewOf } from './codeWindow';
import { codeTokens, proseTokens } from './textTokens';
import { SEGMENTS } from './segments';
import { observationIds, type Vocabulary } from './vocab';

export { SEGMENTS, SEGMENT_TYPES } from './segments';

/** A task as the model sees it, plus where every pointer target sits. */
export interface EncodedTask {
  tokens: Int32Array;
  segments: Int32Array;
  /** Surface text at each position (what a copy pointer copies). */
  texts: string[];
  files: { path: string; pos: number }[];
  code: { file: string; token: number; line: number; pos: number }[];
  literals: { text: string; pos: number }[];
  /**
   * Prompt positions where a literal candidate is written as a value of its own (not inside a
   * longer candidate): a copy pointer there copies that literal, so an issue's call
   * `f([1, 2], 2)` can be copied argument by argument where it is written.
   */
  literalUses: { text: string; pos: number }[];
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
    const inFocus = focusLines(task, v);
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

/** Spans not strictly inside a longer span of the list (a value of its own, not an element). */
function alone<T extends { start: number; end: number }>(spans: readonly T[]): T[] {
  return spans.filter(
    (f) =>
      !spans.some((g) => g.start <= f.start && f.end <= g.end && g.end - g.start > f.end - f.start),
  );
}

/** Where `lit` occurs in `text` as a whole value (not part of a longer word or number). */
function wholeOccurrences(text: string, lit: string): number[] {
  const out: number[] = [];
  if (lit.length === 0) return out;
  const word = /[\w$]/;
  for (let i = text.indexOf(lit); i >= 0; i = text.indexOf(lit, i + 1)) {
    const before = text[i - 1] ?? ' ';
    const after = text[i + lit.length] ?? ' ';
    const decimal =
      (after === '.' && /\d/.test(text[i + lit.length + 1] ?? '')) ||
      (before === '.' && /\d/.test(text[i - 2] ?? ''));
    const glued = (c: string, edge: string | undefined) => word.test(c) && word.test(edge ?? '');
    if (glued(before, lit[0]) || glued(after, lit[lit.length - 1]) || decimal) continue;
    out.push(i);
  }
  return out;
}

/**
 * The literal candidates in the order the prompt writes them as values of their own: a literal
 * counts where it stands alone, not where it is an element of a longer candidate (the `2` of
 * `f([1, 2], 2)` is the call's second argument, not the array's element). An issue's call
 * `f(a, b)` then offers `a` before `b`, and the returned and expected values after them.
 * Literals the prompt writes only inside other literals follow, then those it never writes.
 */
function literalsInPromptOrder(task: Task): string[] {
  const text = `${task.prompt.title}\n${task.prompt.body}`;
  const spans = task.space.literals.flatMap((lit, i) =>
    wholeOccurrences(text, lit).map((start) => ({ i, start, end: start + lit.length })),
  );
  const first = new Map<number, [number, number]>();
  for (const s of spans) if (!first.has(s.i)) first.set(s.i, [1, s.start]);
  for (const s of alone(spans)) if (first.get(s.i)![0] === 1) first.set(s.i, [0, s.start]);
  return task.space.literals
    .map((lit, i) => ({ lit, i, r: first.get(i) ?? [2, i] }))
    .sort((a, b) => a.r[0] - b.r[0] || a.r[1] - b.r[1] || a.i - b.i)
    .map((x) => x.lit);
}

/**
 * Where the prompt (positions `from` to `to` of `texts`) writes each literal candidate as a
 * value of its own, token for token, in position order.
 */
function literalUses(
  texts: readonly string[],
  from: number,
  to: number,
  literals: readonly string[],
): { text: string; pos: number }[] {
  const spans: { text: string; start: number; end: number }[] = [];
  for (const text of literals) {
    const toks = codeTokens(text).map((t) => t.value);
    if (toks.length === 0) continue;
    for (let p = from; p + toks.length <= to; p++)
      if (toks.every((t, k) => texts[p + k] === t))
        spans.push({ text, start: p, end: p + toks.length });
  }
  return alone(spans)
    .sort((a, b) => a.start - b.start)
    .map((s) => ({ text: s.text, pos: s.start }));
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
    literalUses: [],
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
  out.literalUses = literalUses(b.texts, 1, b.texts.length, task.space.literals);
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
