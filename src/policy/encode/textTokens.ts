import { tokenize } from '../../core/js/tokens';

/** Tokens of prose (issue text, instructions): identifiers, numbers, quoted strings, punctuation. */
export function proseTokens(text: string): string[] {
  return (
    text.match(
      /[A-Za-z_$][\w$]*|\d+(?:\.\d+)?|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`[^`\n]*`|\S/g,
    ) ?? []
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
    return proseTokens(source).map((value) => {
      const start = source.indexOf(value, offset);
      for (let i = offset; i < start; i++) if (source[i] === '\n') line++;
      offset = start + value.length;
      return { value, start, end: offset, line };
    });
  }
}
