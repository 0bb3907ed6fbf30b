import type { Answer, Edit, TestCase } from '../../core/answers/types';
import { ANSWER_SHAPE } from '../../core/skills/shape';
import type { Task } from '../../core/tasks/types';
import type { EncodedTask } from './observation';
import { SEGMENTS } from './observation';
import { codeTokens } from './textTokens';
import { ACTION_WORDS, idOf, type Vocabulary } from './vocab';

/** The answer language as a state machine over actions (vocabulary ids, or V + position). */
export interface Grammar {
  /** Allowed next actions after `prev`; null when the answer is complete. */
  allowed(prev: readonly number[]): number[] | null;
  /** The answer a (possibly truncated) action sequence spells. */
  toAnswer(actions: readonly number[]): Answer;
  /** The actions that spell an answer, or null when it cannot be decoded from this observation. */
  fromAnswer(answer: Answer): number[] | null;
}

const MAX_REPLACEMENT_TOKENS = 6;

type Phase =
  | { p: 'files'; files: string[] }
  | { p: 'edit'; edits: Edit[] }
  | { p: 'repl'; edits: Edit[]; at: { file: string; token: number }; parts: string[] }
  | { p: 'ins-line'; edits: Edit[]; text: string }
  | { p: 'ins-end'; edits: Edit[] }
  | { p: 'case'; cases: TestCase[] }
  | { p: 'args'; cases: TestCase[]; current: TestCase; arity: number }
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
  const editWords = ACTION_WORDS.slice(5)
    .map(id)
    .filter((x) => x > 1);
  const wordOf = new Map(editWords.map((x) => [x, vocab.words[x]!]));
  const filePos = new Map(enc.files.map((f) => [V + f.pos, f.path]));
  const codePos = new Map(enc.code.map((c) => [V + c.pos, c]));
  const litPos = new Map(enc.literals.map((l) => [V + l.pos, l.text]));
  const fnPos = new Map(enc.functions.map((f) => [V + f.pos, f]));
  const insPos = new Map(enc.inserts.map((i) => [V + i.pos, i.text]));
  const copyable = new Map<number, string>();
  enc.texts.forEach((t, pos) => {
    const seg = enc.segments[pos];
    if ((seg === SEGMENTS.code || seg === SEGMENTS.prompt) && !t.startsWith('<') && t.length <= 40)
      copyable.set(V + pos, t);
  });
  const steps = ANSWER_SHAPE[task.kind];
  const { space } = task;

  const start = (k: Answer['kind'] | undefined): Phase | null => {
    if (k === 'files') return { p: 'files', files: [] };
    if (k === 'edits') return { p: 'edit', edits: [] };
    if (k === 'tests') return { p: 'case', cases: [] };
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
    for (const a of actions) {
      const ph: Phase | null = phase;
      if (!ph) break;
      if (ph.p === 'files') {
        if (a === END) finish({ kind: 'files', files: ph.files });
        else ph.files.push(filePos.get(a) ?? '?');
      } else if (ph.p === 'edit') {
        if (a === END) finish({ kind: 'edits', edits: ph.edits });
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
        const c = codePos.get(a);
        ph.edits.push({ op: 'insert', file: c?.file ?? '?', line: c?.line ?? 1, text: ph.text });
        phase = { p: 'ins-end', edits: ph.edits };
      } else if (ph.p === 'ins-end') {
        phase = { p: 'edit', edits: ph.edits };
      } else if (ph.p === 'case') {
        if (a === END) finish({ kind: 'tests', cases: ph.cases });
        else {
          const f = fnPos.get(a);
          const current: TestCase = { module: f?.module ?? '?', fn: f?.fn ?? '?', args: [] };
          phase = { p: 'args', cases: ph.cases, current, arity: f?.arity ?? 0 };
          if (current.args.length === (phase as { arity: number }).arity && !space.expectRequired) {
            ph.cases.push(current);
            phase = { p: 'case', cases: ph.cases };
          }
        }
      } else if (ph.p === 'args') {
        const text = litPos.get(a) ?? '?';
        if (ph.current.args.length < ph.arity) ph.current.args.push(text);
        else ph.current.expect = text;
        const complete =
          ph.current.args.length === ph.arity &&
          (!space.expectRequired || ph.current.expect !== undefined);
        if (complete) {
          ph.cases.push(ph.current);
          phase = { p: 'case', cases: ph.cases };
        }
      } else {
        finish({ kind: 'verdict', verdict: a === YES ? 'YES' : 'NO' });
      }
    }
    return { done, phase };
  }

  function allowedIn(ph: Phase): number[] {
    switch (ph.p) {
      case 'files': {
        const left = [...filePos].filter(([, f]) => !ph.files.includes(f)).map(([a]) => a);
        return ph.files.length > 0 ? [...left, END] : left;
      }
      case 'edit': {
        const more = ph.edits.length < space.maxEdits ? [...codePos.keys(), ...insPos.keys()] : [];
        return ph.edits.length > 0 ? [...more, END] : more;
      }
      case 'repl': {
        if (ph.parts.length === 0) return [...editWords, DEL, ...copyable.keys()];
        if (ph.parts[ph.parts.length - 1] === '' || ph.parts.length >= MAX_REPLACEMENT_TOKENS)
          return [ENDEDIT];
        return [...editWords, ...copyable.keys(), ENDEDIT];
      }
      case 'ins-line':
        return [...codePos.keys()];
      case 'ins-end':
        return [ENDEDIT];
      case 'case': {
        const more = ph.cases.length < space.maxCases ? [...fnPos.keys()] : [];
        return ph.cases.length > 0 ? [...more, END] : more;
      }
      case 'args':
        return [...litPos.keys()];
      case 'verdict':
        return [YES, NO];
    }
  }

  const wrap = (parts: Answer[]): Answer =>
    parts.length === 1 ? parts[0]! : { kind: 'steps', steps: parts };

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
      const find = <T>(m: Map<number, T>, pred: (v: T) => boolean): number | null => {
        for (const [a, v] of m) if (pred(v)) return a;
        return null;
      };
      for (const part of parts) {
        if (part.kind === 'files') {
          for (const f of part.files) {
            const a = find(filePos, (p) => p === f);
            if (a === null) return null;
            out.push(a);
          }
          out.push(END);
        } else if (part.kind === 'edits') {
          for (const e of part.edits) {
            if (e.op === 'delete') return null;
            if (e.op === 'insert') {
              const ins = find(insPos, (t) => t === e.text);
              const line = find(codePos, (c) => c.file === e.file && c.line === e.line);
              if (ins === null || line === null) return null;
              out.push(ins, line, ENDEDIT);
              continue;
            }
            const at = find(codePos, (c) => c.file === e.file && c.token === e.token);
            if (at === null) return null;
            out.push(at);
            const words = e.text === '' ? [] : codeTokens(e.text).map((t) => t.value);
            if (words.length === 0) out.push(DEL);
            for (const w of words) {
              const v =
                editWords.find((x) => wordOf.get(x) === w) ?? find(copyable, (t) => t === w);
              if (v === null || v === undefined) return null;
              out.push(v);
            }
            out.push(ENDEDIT);
          }
          out.push(END);
        } else if (part.kind === 'tests') {
          for (const c of part.cases) {
            const f = find(fnPos, (x) => x.fn === c.fn && x.module === c.module);
            if (f === null || fnPos.get(f)!.arity !== c.args.length) return null;
            out.push(f);
            for (const v of [
              ...c.args,
              ...(space.expectRequired && c.expect !== undefined ? [c.expect] : []),
            ]) {
              const l = find(litPos, (t) => t === v);
              if (l === null) return null;
              out.push(l);
            }
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
