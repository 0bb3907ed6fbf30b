import { listFunctions } from '../../core/js/functions';
import type { Task } from '../../core/tasks/types';
import { codeTokens, proseTokens } from './textTokens';
import { idOf, type Vocabulary } from './vocab';

/** Segment ids the encoder embeds, so it knows what kind of text each position holds. */
export const SEGMENTS = { tag: 0, prompt: 1, files: 2, code: 3, candidates: 4, patch: 5 } as const;

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

/** Lines of a file worth showing: around the focus, else around functions the prompt names. */
function window(task: Task, file: string, source: string, maxLines: number): [number, number] {
  const total = source.split('\n').length;
  let center = 1;
  if (task.focus?.file === file && task.focus.startLine) center = task.focus.startLine;
  else {
    const named = functionsOf(source).find(
      (f) => task.prompt.body.includes(`${f.name}(`) || task.prompt.title.includes(f.name),
    );
    if (named) center = named.startLine + Math.floor((named.endLine - named.startLine) / 2);
  }
  const start = Math.max(1, Math.min(center - Math.floor(maxLines / 2), total - maxLines + 1));
  return [start, Math.min(total, start + maxLines - 1)];
}

function codeFiles(task: Task): string[] {
  const edits = task.space.replacements.length > 0;
  if (!edits) return task.focus ? [task.focus.file] : [];
  const sources = task.space.files.filter((f) => !f.endsWith('.test.js'));
  return task.kind === 'refactor' ? task.space.files : sources;
}

function pushCode(b: Builder, task: Task, out: EncodedTask['code'], budget: number): void {
  const files = codeFiles(task);
  for (const [k, file] of files.entries()) {
    const source = task.files[file] ?? '';
    const share = Math.floor(budget / Math.max(1, files.length - k));
    const tokens = codeTokens(source);
    const [from, to] = window(task, file, source, Math.max(4, Math.floor(share / 7)));
    let used = 0;
    b.push('<code>', SEGMENTS.code);
    let line = -1;
    for (const [i, t] of tokens.entries()) {
      if (t.line < from || t.line > to || used >= share - 2) continue;
      if (t.line !== line && line !== -1) b.push('<nl>', SEGMENTS.code);
      line = t.line;
      const pos = b.push(t.value, SEGMENTS.code);
      if (pos >= 0) out.push({ file, token: i, line: t.line, pos });
      used++;
    }
    budget -= used + 1;
  }
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
  for (const text of task.space.literals.slice(0, 40)) {
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
  pushCode(b, task, out.code, b.room);
  out.tokens = Int32Array.from(b.texts, (t) => idOf(vocab, t));
  out.segments = Int32Array.from(b.segs);
  return out;
}
