import { AnswerSyntaxError, type Answer, type Edit, type TestCase } from './types';
import { parseLiteral, parseLiteralCall } from './literals';

const STEP_SEPARATOR = '---';

function renderEdit(e: Edit): string {
  if (e.op === 'replace') return `EDIT ${e.file} @${e.token} => ${e.text}`;
  if (e.op === 'insert') return `INSERT ${e.file} ${e.line} | ${e.text}`;
  return `DELETE ${e.file} ${e.line}`;
}

function renderCase(c: TestCase): string {
  const call = `TEST ${c.module} ${c.fn}(${c.args.join(', ')})`;
  return c.expect === undefined ? call : `${call} EXPECT ${c.expect}`;
}

/** The answer as text, one instruction a line (the format people and LLMs write). */
export function renderAnswer(answer: Answer): string {
  switch (answer.kind) {
    case 'files':
      return `FILES ${answer.files.join(' ')} END`;
    case 'edits':
      return answer.edits.map(renderEdit).join('\n');
    case 'tests':
      return answer.cases.map(renderCase).join('\n');
    case 'verdict':
      return answer.comment
        ? `VERDICT ${answer.verdict} -- ${answer.comment}`
        : `VERDICT ${answer.verdict}`;
    case 'steps':
      return answer.steps.map(renderAnswer).join(`\n${STEP_SEPARATOR}\n`);
  }
}

function parsePositive(word: string | undefined, what: string, line: number): number {
  const n = Number(word);
  if (!word || !Number.isInteger(n) || n < 0) {
    throw new AnswerSyntaxError(`expected ${what} (a whole number), got "${word ?? ''}"`, line);
  }
  return n;
}

function parseLine(text: string, line: number): Answer {
  const [head, ...rest] = text.trim().split(/\s+/);
  const body = text
    .trim()
    .slice((head ?? '').length)
    .trim();
  switch (head) {
    case 'FILES': {
      if (rest[rest.length - 1] !== 'END')
        throw new AnswerSyntaxError('FILES must end with END', line);
      const files = rest.slice(0, -1);
      if (files.length === 0) throw new AnswerSyntaxError('FILES needs at least one file', line);
      return { kind: 'files', files };
    }
    case 'EDIT': {
      const m = /^(\S+)\s+@(\d+)\s+=>\s?(.*)$/.exec(body);
      if (!m) throw new AnswerSyntaxError('expected EDIT <file> @<token> => <text>', line);
      return {
        kind: 'edits',
        edits: [{ op: 'replace', file: m[1]!, token: Number(m[2]), text: m[3]! }],
      };
    }
    case 'INSERT': {
      const m = /^(\S+)\s+(\S+)\s+\|\s?(.*)$/.exec(body);
      if (!m) throw new AnswerSyntaxError('expected INSERT <file> <line> | <text>', line);
      const at = parsePositive(m[2], 'a line number', line);
      return { kind: 'edits', edits: [{ op: 'insert', file: m[1]!, line: at, text: m[3]! }] };
    }
    case 'DELETE': {
      if (rest.length !== 2) throw new AnswerSyntaxError('expected DELETE <file> <line>', line);
      return {
        kind: 'edits',
        edits: [
          { op: 'delete', file: rest[0]!, line: parsePositive(rest[1], 'a line number', line) },
        ],
      };
    }
    case 'TEST':
      return { kind: 'tests', cases: [parseTestLine(body, line)] };
    case 'VERDICT': {
      const m = /^(YES|NO)\b(?:\s*--\s*(.*))?$/.exec(body);
      if (!m) throw new AnswerSyntaxError('expected VERDICT YES or VERDICT NO', line);
      const comment = m[2]?.trim();
      return { kind: 'verdict', verdict: m[1] as 'YES' | 'NO', ...(comment ? { comment } : {}) };
    }
    default:
      throw new AnswerSyntaxError(
        `unknown instruction "${head ?? ''}": use FILES, EDIT, INSERT, DELETE, TEST or VERDICT`,
        line,
      );
  }
}

function parseTestLine(body: string, line: number): TestCase {
  const space = body.indexOf(' ');
  if (space < 0)
    throw new AnswerSyntaxError('expected TEST <module> fn(args) [EXPECT value]', line);
  const module = body.slice(0, space);
  const rest = body.slice(space + 1).trim();
  try {
    const call = parseLiteralCall(rest);
    const tail = rest.slice(call.end).trim();
    if (tail === '') return { module, fn: call.fn, args: call.args };
    if (!tail.startsWith('EXPECT ')) throw new Error(`unexpected "${tail}" after the call`);
    return { module, fn: call.fn, args: call.args, expect: parseLiteral(tail.slice(7)) };
  } catch (error) {
    if (error instanceof AnswerSyntaxError) throw error;
    throw new AnswerSyntaxError((error as Error).message, line);
  }
}

/** Merges consecutive lines of one kind into one answer (several EDITs, several TESTs). */
function mergeSection(lines: { answer: Answer; line: number }[], firstLine: number): Answer {
  const parts = lines.map((l) => l.answer);
  const first = parts[0];
  if (!first) throw new AnswerSyntaxError('the answer is empty', firstLine);
  // Said at the first line of another kind (a one-step task takes lines of one kind only).
  const other = lines.find((l) => l.answer.kind !== first.kind);
  if (other)
    throw new AnswerSyntaxError(
      `cannot mix ${first.kind} and ${other.answer.kind} in one step (a composite task's steps are separated by ---)`,
      other.line,
    );
  if (first.kind === 'edits')
    return { kind: 'edits', edits: parts.flatMap((p) => (p.kind === 'edits' ? p.edits : [])) };
  if (first.kind === 'tests')
    return { kind: 'tests', cases: parts.flatMap((p) => (p.kind === 'tests' ? p.cases : [])) };
  if (parts.length > 1)
    throw new AnswerSyntaxError(
      `only one ${first.kind.toUpperCase()} line is allowed`,
      lines[1]!.line,
    );
  return first;
}

/** Parses answer text; steps of a composite answer are separated by a line `---`. */
export function parseAnswer(text: string): Answer {
  const sections: { parts: { answer: Answer; line: number }[]; line: number }[] = [
    { parts: [], line: 1 },
  ];
  text.split(/\r?\n/).forEach((raw, i) => {
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    if (trimmed === STEP_SEPARATOR) {
      sections.push({ parts: [], line: i + 2 });
      return;
    }
    sections[sections.length - 1]!.parts.push({ answer: parseLine(trimmed, i + 1), line: i + 1 });
  });
  const steps = sections
    .filter((s) => s.parts.length > 0)
    .map((s) => mergeSection(s.parts, s.line));
  if (steps.length === 0) throw new AnswerSyntaxError('the answer is empty', 1);
  return steps.length === 1 ? steps[0]! : { kind: 'steps', steps };
}
