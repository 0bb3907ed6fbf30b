import { tokenize } from '../js/tokens';
import type { Edit } from './types';

/** An edit that cannot be applied: names the file and the edit, and says what to do. */
export class EditError extends Error {
  override name = 'EditError';
}

interface Splice {
  start: number;
  end: number;
  text: string;
  what: string;
}

function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') starts.push(i + 1);
  return starts;
}

function toSplice(
  edit: Edit,
  source: string,
  tokens: () => { start: number; end: number }[],
  starts: number[],
): Splice {
  const lines = source.endsWith('\n') ? starts.length - 1 : starts.length;
  if (edit.op === 'replace') {
    const all = tokens();
    const token = all[edit.token];
    if (!token) {
      throw new EditError(
        `${edit.file}: token @${edit.token} does not exist (the file has ${all.length} tokens, @0-@${all.length - 1})`,
      );
    }
    return { start: token.start, end: token.end, text: edit.text, what: `EDIT @${edit.token}` };
  }
  if (edit.line < 1 || edit.line > lines + (edit.op === 'insert' ? 1 : 0)) {
    throw new EditError(`${edit.file}: line ${edit.line} is outside the file (1-${lines})`);
  }
  const at = starts[edit.line - 1] ?? source.length;
  if (edit.op === 'insert') {
    const prefix = at === source.length && !source.endsWith('\n') && source.length > 0 ? '\n' : '';
    return { start: at, end: at, text: `${prefix}${edit.text}\n`, what: `INSERT ${edit.line}` };
  }
  const end = starts[edit.line] ?? source.length;
  return { start: at, end, text: '', what: `DELETE ${edit.line}` };
}

/** Applies edits to one file's original text; positions all refer to the original. */
export function applyFileEdits(source: string, edits: readonly Edit[]): string {
  let cached: { start: number; end: number }[] | null = null;
  const tokens = (): { start: number; end: number }[] => (cached ??= tokenize(source));
  const starts = lineStarts(source);
  const splices = edits.map((e) => toSplice(e, source, tokens, starts));
  // Later splices are applied first. At one point, what replaces or deletes the original goes
  // first and the inserts then before it (in their given order), whichever order they were
  // written in: `DELETE 2` + `INSERT 2 | x` replaces line 2 as `INSERT 2 | x` + `DELETE 2` does.
  const inserts = (s: Splice) => (s.start === s.end ? 1 : 0);
  const ordered = splices
    .map((s, i) => ({ s, i }))
    .sort((a, b) => b.s.start - a.s.start || inserts(a.s) - inserts(b.s) || b.i - a.i);
  let out = source;
  let limit = Infinity;
  for (const { s } of ordered) {
    if (s.end > limit)
      throw new EditError(
        `${s.what} overlaps another edit in the same place: combine them into one`,
      );
    out = out.slice(0, s.start) + s.text + out.slice(s.end);
    limit = s.start === s.end ? s.start + 0.5 : s.start;
  }
  return out;
}

/** Applies edits to a repository; every edited file must exist. Nothing changes on error. */
export function applyEdits(
  files: Readonly<Record<string, string>>,
  edits: readonly Edit[],
): Record<string, string> {
  const byFile = new Map<string, Edit[]>();
  for (const e of edits) {
    if (files[e.file] === undefined) {
      throw new EditError(
        `${e.file}: no such file (files: ${Object.keys(files).sort().join(', ')})`,
      );
    }
    byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  }
  const out = { ...files };
  for (const [file, list] of byFile) out[file] = applyFileEdits(files[file]!, list);
  return out;
}
