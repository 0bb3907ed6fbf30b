import type { Answer, Edit, TestCase } from '../../core/answers/types';
import { optionalArgs } from '../../core/js/functions';
import { ANSWER_SHAPE } from '../../core/skills/shape';
import { EDIT_VOCABULARY } from '../../core/tasks/space';
import type { Task } from '../../core/tasks/types';
import type { EncodedTask } from './observation';
import { SEGMENTS } from './observation';
import { codeTokens } from './textTokens';
import { DELETE_LINE, idOf, UNK, type Vocabulary } from './vocab';

/** The answer language as a state machine over actions (vocabulary ids, or V + position). */
export interface Grammar {
  /** Allowed next actions after `prev`; null when the answer is complete. */
  allowed(prev: readonly number[]): number[] | null;
  /** The answer a (possibly truncated) action sequence spells. */
  toAnswer(actions: readonly number[]): Answer;
  /** The actions that spell an answer, or null when it cannot be decoded from this observation. */
  fromAnswer(answer: Answer): number[] | null;
}

/** Most tokens one replacement may write (the longest built-in gold fix writes 12). */
export const MAX_REPLACEMENT_TOKENS = 12;

type CodeAt = EncodedTask['code'][number];

type Phase =
  | { p: 'files'; files: string[] }
  | { p: 'edit'; edits: Edit[] }
  | { p: 'repl'; edits: Edit[]; at: { file: string; token: number }; parts: string[] }
  | { p: 'ins-line'; edits: Edit[]; text: string }
  | { p: 'ins-end'; edits: Edit[] }
  | { p: 'del-line'; edits: Edit[] }
  /** `room`: optional arguments the last case may still take (after its arity and EXPECT). */
  | { p: 'case'; cases: TestCase[]; room: number }
  | { p: 'args'; cases: TestCase[]; current: TestCase; arity: number; optional: number }
  | { p: 'verdict' };

export function createGrammar(task: Task, enc: EncodedTask, vocab: Vocabulary): Grammar {
  const V = vocab.words.length;
  const id = (w: string): number => idOf(vocab, w);
  const [END, ENDEDIT, DEL, YES, NO] = ['<END>', '<ENDEDIT>', '<DEL>', 'YES', 'NO'].map(id) as [
    number,
    number,
    number,
    number,
    number,
  ];
  // A vocabulary without the delete word (none built here lacks it) cannot delete lines.
  const DELLINE = id(DELETE_LINE) === UNK ? null : id(DELETE_LINE);
  const editWords = EDIT_VOCABULARY.map(id).filter((x) => x > UNK);
  const wordOf = new Map(editWords.map((x) => [x, vocab.words[x]!]));
  const filePos = new Map(enc.files.map((f) => [V + f.pos, f.path]));
  const codePos = new Map(enc.code.map((c) => [V + c.pos, c]));
  /** The first shown token of each line: a pointer there names the line (insert, delete). */
  const linePos = new Map<number, CodeAt>();
  const seenLines = new Set<string>();
  for (const c of enc.code) {
    const key = `${c.file}\n${c.line}`;
    if (!seenLines.has(key)) linePos.set(V + c.pos, c);
    seenLines.add(key);
  }
  /** Separators naming a line without a token (blank, comment, end of file): insert targets only. */
  const gapPos = new Map(enc.gaps.map((g) => [V + g.pos, g]));
  // A literal is copied from its candidate slot or from where the prompt writes it.
  const litPos = new Map([...enc.literalUses, ...enc.literals].map((l) => [V + l.pos, l.text]));
  /** Each literal's prompt positions as actions, in prompt order. */
  const usesOf = new Map<string, number[]>();
  for (const u of enc.literalUses) usesOf.set(u.text, [...(usesOf.get(u.text) ?? []), V + u.pos]);
  const fnPos = new Map(enc.functions.map((f) => [V + f.pos, f]));
  const insPos = new Map(enc.inserts.map((i) => [V + i.pos, i.text]));
  const copyable = new Map<number, string>();
  enc.texts.forEach((t, pos) => {
    const seg = enc.segments[pos];
    const text = seg === SEGMENTS.code || seg === SEGMENTS.focus || seg === SEGMENTS.prompt;
    if (text && !t.startsWith('<') && t.length <= 40) copyable.set(V + pos, t);
  });
  const optional = optionalArgs(task.files);
  const steps = ANSWER_SHAPE[task.kind];
  const { space } = task;

  const start = (k: Answer['kind'] | undefined): Phase | null => {
    if (k === 'files') return { p: 'files', files: [] };
    if (k === 'edits') return { p: 'edit', edits: [] };
    if (k === 'tests') return { p: 'case', cases: [], room: 0 };
    if (k === 'verdict') return { p: 'verdict' };
    return null;
  };

  /** Runs the actions through the machine: finished steps and the phase reached. */
  function walk(actions: readonly number[]): { done: Answer[]; phase: Phase | null } {
    const done: Answer[] = [];
    let phase = start(steps[0]);
    const finish = (a: Answer): void => {
      done.push(a);
      phase = start(steps[done.length]);
    };
    /** A complete case: back to choosing the next one (or more arguments for this one). */
    const complete = (cases: TestCase[], current: TestCase, room: number): void => {
      cases.push(current);
      phase = { p: 'case', cases, room };
    };
    for (const a of actions) {
      const ph: Phase | null = phase;
      if (!ph) break;
      if (ph.p === 'files') {
        if (a === END) finish({ kind: 'files', files: ph.files });
        else ph.files.push(filePos.get(a) ?? '?');
      } else if (ph.p === 'edit') {
        if (a === END) finish({ kind: 'edits', edits: ph.edits });
        else if (a === DELLINE) phase = { p: 'del-line', edits: ph.edits };
        else if (insPos.has(a)) phase = { p: 'ins-line', edits: ph.edits, text: insPos.get(a)! };
        else {
          const c = codePos.get(a);
          phase = {
            p: 'repl',
            edits: ph.edits,
            at: { file: c?.file ?? '?', token: c?.token ?? -1 },
            parts: [],
          };
        }
      } else if (ph.p === 'repl') {
        if (a === ENDEDIT) {
          ph.edits.push({
            op: 'replace',
            file: ph.at.file,
            token: ph.at.token,
            text: ph.parts.join(' '),
          });
          phase = { p: 'edit', edits: ph.edits };
        } else ph.parts.push(a === DEL ? '' : (wordOf.get(a) ?? copyable.get(a) ?? '?'));
      } else if (ph.p === 'ins-line') {
        const c = codePos.get(a) ?? gapPos.get(a);
        ph.edits.push({ op: 'insert', file: c?.file ?? '?', line: c?.line ?? 1, text: ph.text });
        phase = { p: 'ins-end', edits: ph.edits };
      } else if (ph.p === 'ins-end') {
        phase = { p: 'edit', edits: ph.edits };
      } else if (ph.p === 'del-line') {
        const c = codePos.get(a);
        ph.edits.push({ op: 'delete', file: c?.file ?? '?', line: c?.line ?? 1 });
        phase = { p: 'edit', edits: ph.edits };
      } else if (ph.p === 'case') {
        if (a === END) finish({ kind: 'tests', cases: ph.cases });
        else if (litPos.has(a)) {
          // An optional argument (default or rest parameter) for the case just completed.
          ph.cases[ph.cases.length - 1]?.args.push(litPos.get(a)!);
          ph.room--;
        } else {
          const f = fnPos.get(a);
          const current: TestCase = { module: f?.module ?? '?', fn: f?.fn ?? '?', args: [] };
          const arity = f?.arity ?? 0;
          const extra = f ? optional(f.module, f.fn) : 0;
          if (arity === 0 && !space.expectRequired) complete(ph.cases, current, extra);
          else phase = { p: 'args', cases: ph.cases, current, arity, optional: extra };
        }
      } else if (ph.p === 'args') {
        const text = litPos.get(a) ?? '?';
        if (ph.current.args.length < ph.arity) ph.current.args.push(text);
        else ph.current.expect = text;
        if (
          ph.current.args.length === ph.arity &&
          (!space.expectRequired || ph.current.expect !== undefined)
        )
          complete(ph.cases, ph.current, ph.optional);
      } else {
        finish({ kind: 'verdict', verdict: a === YES ? 'YES' : 'NO' });
      }
    }
    return { done, phase };
  }

  /** Lines an edit deletes or replaces a token in, and tokens it replaces: editing them again overlaps. */
  function touched(edits: readonly Edit[]): {
    lines: Set<string>;
    deleted: Set<string>;
    tokens: Set<string>;
  } {
    const deleted = new Set<string>();
    const tokens = new Set<string>();
    for (const e of edits) {
      if (e.op === 'delete') deleted.add(`${e.file}\n${e.line}`);
      if (e.op === 'replace') tokens.add(`${e.file}\n${e.token}`);
    }
    const lines = new Set(deleted);
    for (const c of codePos.values())
      if (tokens.has(`${c.file}\n${c.token}`)) lines.add(`${c.file}\n${c.line}`);
    return { lines, deleted, tokens };
  }

  /** Lines a delete may still name. */
  const deletable = (edits: readonly Edit[]): number[] => {
    const { lines } = touched(edits);
    return [...linePos].filter(([, c]) => !lines.has(`${c.file}\n${c.line}`)).map(([a]) => a);
  };

  function allowedIn(ph: Phase): number[] {
    switch (ph.p) {
      case 'files': {
        const left = [...filePos].filter(([, f]) => !ph.files.includes(f)).map(([a]) => a);
        return ph.files.length > 0 ? [...left, END] : left;
      }
      case 'edit': {
        const more: number[] = [];
        if (ph.edits.length < space.maxEdits) {
          const { deleted, tokens } = touched(ph.edits);
          for (const [a, c] of codePos) {
            if (!deleted.has(`${c.file}\n${c.line}`) && !tokens.has(`${c.file}\n${c.token}`))
              more.push(a);
          }
          more.push(...insPos.keys());
          if (DELLINE !== null && deletable(ph.edits).length > 0) more.push(DELLINE);
        }
        return ph.edits.length > 0 ? [...more, END] : more;
      }
      case 'repl': {
        if (ph.parts.length === 0) return [...editWords, DEL, ...copyable.keys()];
        if (ph.parts[ph.parts.length - 1] === '' || ph.parts.length >= MAX_REPLACEMENT_TOKENS)
          return [ENDEDIT];
        return [...editWords, ...copyable.keys(), ENDEDIT];
      }
      case 'ins-line': {
        const { deleted } = touched(ph.edits);
        const lines = [...linePos].filter(([, c]) => !deleted.has(`${c.file}\n${c.line}`));
        return [...lines.map(([a]) => a), ...gapPos.keys()];
      }
      case 'ins-end':
        return [ENDEDIT];
      case 'del-line':
        return deletable(ph.edits);
      case 'case': {
        const more = ph.cases.length < space.maxCases ? [...fnPos.keys()] : [];
        const extra = ph.room > 0 ? [...litPos.keys()] : [];
        return ph.cases.length > 0 ? [...more, ...extra, END] : more;
      }
      case 'args':
        return [...litPos.keys()];
      case 'verdict':
        return [YES, NO];
    }
  }

  const wrap = (parts: Answer[]): Answer =>
    parts.length === 1 ? parts[0]! : { kind: 'steps', steps: parts };

  const find = <T>(m: Map<number, T>, pred: (v: T) => boolean): number | null => {
    for (const [a, v] of m) if (pred(v)) return a;
    return null;
  };

  /** The actions of one edit, or null when this observation cannot spell it. */
  function editActions(e: Edit): number[] | null {
    if (e.op === 'delete') {
      const line = find(linePos, (c) => c.file === e.file && c.line === e.line);
      return DELLINE === null || line === null ? null : [DELLINE, line];
    }
    if (e.op === 'insert') {
      const ins = find(insPos, (t) => t === e.text);
      const at = (c: { file: string; line: number }): boolean =>
        c.file === e.file && c.line === e.line;
      const line = find(linePos, at) ?? find(gapPos, at);
      return ins === null || line === null ? null : [ins, line, ENDEDIT];
    }
    const at = find(codePos, (c) => c.file === e.file && c.token === e.token);
    if (at === null) return null;
    const words = e.text === '' ? [] : codeTokens(e.text).map((t) => t.value);
    if (words.length > MAX_REPLACEMENT_TOKENS) return null;
    const out = [at];
    if (words.length === 0) out.push(DEL);
    for (const w of words) {
      const v = editWords.find((x) => wordOf.get(x) === w) ?? find(copyable, (t) => t === w);
      if (v === null || v === undefined) return null;
      out.push(v);
    }
    out.push(ENDEDIT);
    return out;
  }

  /**
   * The actions of one test case, or null. Optional arguments come after EXPECT. A literal is
   * copied from where the prompt next writes it after the last one copied from the prompt
   * (`copied.last`: a call's arguments in order, then its expected value), else where the prompt
   * first writes it, else from its candidate slot.
   */
  function caseActions(c: TestCase, copied: { last: number }): number[] | null {
    const f = find(fnPos, (x) => x.fn === c.fn && x.module === c.module);
    if (f === null) return null;
    const { arity } = fnPos.get(f)!;
    const extra = c.args.length - arity;
    if (extra < 0 || extra > optional(c.module, c.fn)) return null;
    if (space.expectRequired && c.expect === undefined) return null;
    const out = [f];
    for (const v of [
      ...c.args.slice(0, arity),
      ...(space.expectRequired ? [c.expect!] : []),
      ...c.args.slice(arity),
    ]) {
      const uses = usesOf.get(v) ?? [];
      const l = uses.find((p) => p > copied.last) ?? uses[0] ?? find(litPos, (t) => t === v);
      if (l === null) return null;
      out.push(l);
      if (uses.includes(l)) copied.last = l;
    }
    return out;
  }

  return {
    allowed(prev) {
      const { phase } = walk(prev);
      if (!phase) return null;
      const options = allowedIn(phase);
      return options.length > 0 ? options : null;
    },
    toAnswer(actions) {
      const { done, phase } = walk(actions);
      const parts = [...done];
      // A truncated sequence keeps what it completed of the current step.
      if (phase && parts.length < steps.length) {
        if (phase.p === 'files') parts.push({ kind: 'files', files: phase.files });
        else if ('edits' in phase) parts.push({ kind: 'edits', edits: phase.edits });
        else if ('cases' in phase) parts.push({ kind: 'tests', cases: phase.cases });
      }
      return wrap(parts);
    },
    fromAnswer(answer) {
      const parts = answer.kind === 'steps' ? answer.steps : [answer];
      const out: number[] = [];
      for (const part of parts) {
        if (part.kind === 'files') {
          for (const f of part.files) {
            const a = find(filePos, (p) => p === f);
            if (a === null) return null;
            out.push(a);
          }
          out.push(END);
        } else if (part.kind === 'edits') {
          if (part.edits.length > space.maxEdits) return null;
          for (const e of part.edits) {
            const actions = editActions(e);
            if (!actions) return null;
            out.push(...actions);
          }
          out.push(END);
        } else if (part.kind === 'tests') {
          if (part.cases.length > space.maxCases) return null;
          const copied = { last: -1 };
          for (const c of part.cases) {
            const actions = caseActions(c, copied);
            if (!actions) return null;
            out.push(...actions);
          }
          out.push(END);
        } else if (part.kind === 'verdict') {
          out.push(part.verdict === 'YES' ? YES : NO);
        } else return null;
      }
      return out;
    },
  };
}
