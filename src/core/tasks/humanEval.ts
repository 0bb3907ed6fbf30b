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

/** Makes the entry point an ES module export (HumanEvalPack's JS declares a plain const or function). */
function asModule(code: string, entry: string): string {
  const declared = new RegExp(`^(\\s*)(const|let|var|function)(\\s+${entry}\\b)`, 'm');
  if (declared.test(code)) return code.replace(declared, '$1export $2$3');
  return `${code}\nexport { ${entry} };\n`;
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
  const testSource = `import { ${entry} } from './${module}';\n\nit(${JSON.stringify(record.task_id)}, () => {\n${record.test}\n});\n`;
  return {
    name: safeName(record.task_id),
    description: record.instruction ?? `HumanEvalPack ${record.task_id}`,
    tags: ['humanevalpack'],
    files: {
      [module]: asModule(record.prompt + record.canonical_solution, entry),
      [test]: testSource,
    },
    taskId: record.task_id,
    module,
    buggy: asModule(record.prompt + record.buggy_solution, entry),
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
      projects.push(recordToProject(record as unknown as HumanEvalRecord));
    } catch (error) {
      const message = (error as Error).message;
      errors.push({ file, line, field: message.split(':')[0] ?? '(line)', message });
    }
  });
  return { projects, errors };
}
