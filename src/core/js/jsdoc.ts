import type { Comment } from 'acorn';

/** One `@example call // => expected` pair from a JSDoc block. */
export interface JsDocExample {
  call: string;
  expected: string;
}

const RESULT_MARK = /\/\/\s*=>/;

/** The JSDoc block lines without the comment delimiters and leading ` * `. */
function docLines(jsdoc: string): string[] {
  const body = jsdoc.replace(/^\/\*\*/, '').replace(/\*\/$/, '');
  return body.split(/\r\n|\r|\n/).map((line) => line.replace(/^\s*\*? ?/, '').trimEnd());
}

function splitExample(text: string): JsDocExample | null {
  const mark = RESULT_MARK.exec(text);
  if (mark === null) return null;
  const call = text.slice(0, mark.index).trim();
  const expected = text.slice(mark.index + mark[0].length).trim();
  return call !== '' && expected !== '' ? { call, expected } : null;
}

/**
 * Reads `@example fn(a) // => result` lines. A bare `@example` line takes the following lines up to
 * the next tag, keeping those that carry a `// =>` result. Lines without a result are ignored.
 */
export function parseExamples(jsdoc: string): JsDocExample[] {
  const out: JsDocExample[] = [];
  let inBlock = false;
  for (const line of docLines(jsdoc)) {
    // A tag may follow text on a one-line block: `/** Squares. @example sq(3) // => 9 */`.
    const tag = /(?:^|\s)@(\w+)\s*(.*)$/.exec(line.trim());
    if (tag !== null) {
      inBlock = tag[1] === 'example' && (tag[2] ?? '').trim() === '';
      if (tag[1] === 'example') {
        const example = splitExample(tag[2] ?? '');
        if (example !== null) out.push(example);
      }
    } else if (inBlock) {
      const example = splitExample(line);
      if (example !== null) out.push(example);
    }
  }
  return out;
}

/**
 * The `/** ... *\/` comment that ends right before `start` with only whitespace in between, if any.
 * `comments` must be sorted by position (acorn reports them in order).
 */
export function jsdocBefore(
  source: string,
  comments: readonly Comment[],
  start: number,
): string | undefined {
  let found: Comment | undefined;
  for (const comment of comments) {
    if (comment.end > start) break;
    found = comment;
  }
  if (found === undefined || found.type !== 'Block' || !found.value.startsWith('*')) return;
  if (source.slice(found.end, start).trim() !== '') return;
  return source.slice(found.start, found.end);
}
