import { parse, type Program } from 'acorn';
import type { CorpusProject } from '../corpus';
import type { SuiteLineError } from './suite';
import { readJsonLines } from './jsonLines';

/** One HumanEvalPack (HumanEvalFix) line, with its own field names. */
export interface HumanEvalRecord {
  task_id: string;
  entry_point: string;
  prompt: string;
  canonical_solution: string;
  buggy_solution: string;
  test: string;
  instruction?: string;
}

/** A HumanEvalPack task as a project: correct module + test file, and the known buggy module. */
export interface ImportedProject extends CorpusProject {
  taskId: string;
  /** The function under test. */
  entry: string;
  module: string;
  buggy: string;
  instruction: string;
}

const REQUIRED: (keyof HumanEvalRecord)[] = [
  'task_id',
  'entry_point',
  'prompt',
  'canonical_solution',
  'buggy_solution',
  'test',
];

/** Escapes a name for a regular expression (identifiers may hold `$`). */
const escaped = (name: string): string => name.replace(/\$/g, '\\$');

const declaration = (name: string): RegExp =>
  new RegExp(`^(\\s*)(const|let|var|function)(\\s+${escaped(name)}(?![\\w$]))`, 'm');

/**
 * Makes the entry point (and the helpers the tests call) ES module exports: HumanEvalPack's JS
 * declares plain consts and functions.
 */
function asModule(code: string, names: readonly string[]): string {
  let out = code;
  const listed: string[] = [];
  for (const name of names) {
    const declared = declaration(name);
    if (declared.test(out)) out = out.replace(declared, '$1export $2$3');
    else listed.push(name);
  }
  return listed.length > 0 ? `${out}\nexport { ${listed.join(', ')} };\n` : out;
}

/** Names the program declares at its top level (none when it does not parse). */
function topLevelNames(code: string): string[] {
  let program: Program;
  try {
    program = parse(code, { ecmaVersion: 'latest', sourceType: 'script' });
  } catch {
    return [];
  }
  return program.body.flatMap((s) => {
    if (s.type === 'FunctionDeclaration' || s.type === 'ClassDeclaration')
      return s.id ? [s.id.name] : [];
    if (s.type === 'VariableDeclaration')
      return s.declarations.flatMap((d) => (d.id.type === 'Identifier' ? [d.id.name] : []));
    return [];
  });
}

/**
 * Top-level helpers of the correct program, besides the entry point, that the test code calls
 * (e.g. `poly` beside `findZero`) and that the buggy program declares too: the test file
 * imports them.
 */
function helpersUsed(record: HumanEvalRecord): string[] {
  const correct = record.prompt + record.canonical_solution;
  const buggy = record.prompt + record.buggy_solution;
  return topLevelNames(correct).filter(
    (name) =>
      name !== record.entry_point &&
      new RegExp(`(^|[^\\w$.])${escaped(name)}(?![\\w$])`).test(record.test) &&
      declaration(name).test(correct) &&
      declaration(name).test(buggy),
  );
}

const safeName = (taskId: string): string =>
  `humaneval-${taskId.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}`;

/** Converts one record into a project; throws a message naming the field that is wrong. */
export function recordToProject(record: HumanEvalRecord): ImportedProject {
  const entry = record.entry_point;
  if (!/^[A-Za-z_$][\w$]*$/.test(entry))
    throw new Error(`entry_point: "${entry}" is not a JavaScript identifier`);
  const module = `${entry}.js`;
  const test = `${entry}.test.js`;
  const names = [entry, ...helpersUsed(record)];
  const testSource = `import { ${names.join(', ')} } from './${module}';\n\nit(${JSON.stringify(record.task_id)}, () => {\n${record.test}\n});\n`;
  return {
    name: safeName(record.task_id),
    description: record.instruction ?? `HumanEvalPack ${record.task_id}`,
    tags: ['humanevalpack'],
    files: {
      [module]: asModule(record.prompt + record.canonical_solution, names),
      [test]: testSource,
    },
    taskId: record.task_id,
    entry,
    module,
    buggy: asModule(record.prompt + record.buggy_solution, names),
    instruction: record.instruction ?? `Fix bugs in ${entry}.`,
  };
}

/**
 * Reads a HumanEvalPack-style JSONL file. A malformed line is reported (file, line, field) and
 * skipped; the other lines still load.
 */
export function parseHumanEvalPack(
  text: string,
  file: string,
): { projects: ImportedProject[]; errors: SuiteLineError[] } {
  const projects: ImportedProject[] = [];
  const errors: SuiteLineError[] = [];
  // A project's name is made from its task_id: two records of one name would give tasks of one
  // id (answers graded against the other record's task).
  const lineOfName = new Map<string, number>();
  readJsonLines(text, file, errors, (value, line) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      errors.push({ file, line, field: '(line)', message: 'expected a JSON object' });
      return;
    }
    const record = value as Record<string, unknown>;
    const missing = REQUIRED.find((k) => typeof record[k] !== 'string');
    if (missing) {
      errors.push({ file, line, field: missing, message: `${missing} is missing or not a string` });
      return;
    }
    try {
      const project = recordToProject(record as unknown as HumanEvalRecord);
      const earlier = lineOfName.get(project.name);
      if (earlier !== undefined) {
        errors.push({
          file,
          line,
          field: 'task_id',
          message: `task_id ${String(record.task_id)} names the same task as line ${earlier} (a repeated record, or an id that differs only in punctuation or case); give each record its own task_id`,
        });
        return;
      }
      lineOfName.set(project.name, line);
      projects.push(project);
    } catch (error) {
      const message = (error as Error).message;
      errors.push({ file, line, field: message.split(':')[0] ?? '(line)', message });
    }
  });
  return { projects, errors };
}
