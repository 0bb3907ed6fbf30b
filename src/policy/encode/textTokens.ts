import { tokenize } from '../../core/js/tokens';

/** Identifiers, numbers, quoted strings, code in backticks (one token) and punctuation. */
function rawTokens(text: string): string[] {
  return (
    text.match(
      /[A-Za-z_$][\w$]*|\d+(?:\.\d+)?|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`[^`\n]*`|\S/g,
    ) ?? []
  );
}

/**
 * Tokens of prose (issue text, instructions): identifiers, numbers, quoted strings, punctuation.
 * Code in backticks is split into the same tokens without its backticks, so the call in
 * "`chunk([1, 2, 3], 1)` fails" shows its name and each argument as the candidates spell them,
 * and a name in backticks is the bare name a copy pointer can take (`CLASS_SCORES_2`).
 */
export function proseTokens(text: string): string[] {
  return rawTokens(text).flatMap((t) =>
    t.length >= 2 && t.startsWith('`') && t.endsWith('`') ? rawTokens(t.slice(1, -1)) : [t],
  );
}

/** Tokens of code with their source offsets; falls back to prose tokens when code does not parse. */
export function codeTokens(
  source: string,
): { value: string; start: number; end: number; line: number }[] {
  try {
    return tokenize(source).map((t) => ({
      value: t.value,
      start: t.start,
      end: t.end,
      line: t.line,
    }));
  } catch {
    let offset = 0;
    let line = 1;
    return rawTokens(source).map((value) => {
      const start = source.indexOf(value, offset);
      for (let i = offset; i < start; i++) if (source[i] === '\n') line++;
      offset = start + value.length;
      return { value, start, end: offset, line };
    });
  }
}
