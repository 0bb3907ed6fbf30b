/**
 * Reading multi-file unified diffs as agents write them: with or without `diff --git` lines,
 * with or without `a/` `b/` prefixes, CRLF line ends, wrong hunk counts and prose around them.
 * Never throws: a problem comes back as a {@link PatchError}.
 */
import { PatchError } from './errors';
import { isBoundary, parseHunkHeader, readHunk } from './hunkParse';
import {
  finishSection,
  headerName,
  newSection,
  readExtendedHeader,
  sectionFile,
} from './patchSections';
import type { FilePatch, Section } from './patchSections';

export type { HunkLine, HunkLineOp, ParsedHunk } from './hunkParse';
export type { FilePatch } from './patchSections';

/** Result of {@link parsePatch}. */
export type ParseResult = { ok: true; files: FilePatch[] } | { ok: false; error: PatchError };

// A patch whose every line ends in CRLF went through a Windows tool or a text box: undo that.
// Any other `\r` belongs to the file contents and is kept.
function patchLines(text: string): string[] {
  const crlf = text.split('\r\n').length - 1;
  const lf = text.split('\n').length - 1;
  return (crlf > 0 && crlf === lf ? text.replaceAll('\r\n', '\n') : text).split('\n');
}

class Reader {
  readonly files: FilePatch[] = [];
  section: Section | null = null;
  i = 0;
  constructor(readonly lines: readonly string[]) {}

  /** Ends the current section; an error when it is not a usable file patch. */
  close(): PatchError | null {
    const done = this.section === null ? null : finishSection(this.section);
    this.section = null;
    if (done instanceof PatchError) return done;
    if (done !== null) this.files.push(done);
    return null;
  }

  /** Reads the hunk whose body starts at `start`; `headerAt` is its `@@` line, if any. */
  hunk(section: Section, start: number, headerAt: number | null): PatchError | null {
    const header = parseHunkHeader(headerAt === null ? '' : (this.lines[headerAt] ?? ''));
    const read = readHunk(this.lines, start, header, headerAt === null ? 0 : headerAt + 1);
    if (read.ok) {
      section.hunks.push(read.hunk);
      this.i = read.next;
      return null;
    }
    const file = sectionFile(section);
    const hunk = section.hunks.length + 1;
    const text = this.lines[read.badIndex] ?? '';
    const msg =
      `${file ?? 'patch'}, hunk ${hunk}: patch line ${read.badIndex + 1} ("${text}") is not a ` +
      'diff line; start context lines with a space, removed lines with "-", added lines with "+"';
    return new PatchError(msg, 'malformed', file, hunk);
  }

  /** File names from a `---`/`+++` pair at `i`; a body straight after them is one hunk. */
  names(): PatchError | null {
    const { lines } = this;
    let section = this.section;
    if (section === null || section.oldRaw !== undefined || section.hunks.length > 0) {
      const error = this.close();
      if (error) return error;
      section = this.section = newSection();
    }
    section.oldRaw = headerName((lines[this.i] ?? '').slice(4));
    section.newRaw = headerName((lines[this.i + 1] ?? '').slice(4));
    this.i += 2;
    if (/^[-+ ]/.test(lines[this.i] ?? '') && !isBoundary(lines, this.i)) {
      return this.hunk(section, this.i, null);
    }
    return null;
  }

  /** Reads one construct at `i` and moves past it. */
  step(): PatchError | null {
    const line = this.lines[this.i] ?? '';
    if (line.startsWith('diff --git ') || line.startsWith('Index: ')) {
      const error = this.close();
      this.section = newSection(line.startsWith('diff --git ') ? line.slice(11) : undefined);
      this.i++;
      return error;
    }
    if (line.startsWith('--- ') && (this.lines[this.i + 1] ?? '').startsWith('+++ ')) {
      return this.names();
    }
    if (line.startsWith('@@')) {
      const section = this.section;
      if (section === null || sectionFile(section) === null) {
        const msg = `patch line ${this.i + 1}: a hunk before any file name; put "--- a/path" and "+++ b/path" before the first @@`;
        return new PatchError(msg, 'malformed');
      }
      return this.hunk(section, this.i + 1, this.i);
    }
    if (line.startsWith('Binary files ') || line.startsWith('GIT binary patch')) {
      const msg = 'binary patches are not supported: the repository holds text files only';
      return new PatchError(msg, 'unsupported', sectionFile(this.section));
    }
    // Anything else is an extended header or prose around the diff.
    if (this.section !== null && this.section.hunks.length === 0) {
      readExtendedHeader(this.section, line);
    }
    this.i++;
    return null;
  }
}

/**
 * Parses a multi-file unified diff into file patches, in the order they appear. Whitespace-only
 * text is a valid patch that changes nothing; other text without any file section is an error.
 */
export function parsePatch(text: string): ParseResult {
  const reader = new Reader(patchLines(text));
  while (reader.i < reader.lines.length) {
    const error = reader.step();
    if (error) return { ok: false, error };
  }
  const error = reader.close();
  if (error) return { ok: false, error };
  if (reader.files.length === 0 && text.trim() !== '') {
    const msg =
      'no file changes found; write a unified diff: "--- a/path", "+++ b/path", then @@ hunks';
    return { ok: false, error: new PatchError(msg, 'no-diff') };
  }
  return { ok: true, files: reader.files };
}
