import { isTaskKind, SPLITS, type Task } from './types';
import { isRecord } from '../guards';

type Check = (value: unknown, path: string) => string | null;

const str: Check = (v, p) => (typeof v === 'string' ? null : `${p} must be a string`);
const num: Check = (v, p) =>
  typeof v === 'number' && Number.isFinite(v) ? null : `${p} must be a number`;
const bool: Check = (v, p) => (typeof v === 'boolean' ? null : `${p} must be true or false`);
const arrayOf =
  (item: Check): Check =>
  (v, p) => {
    if (!Array.isArray(v)) return `${p} must be an array`;
    for (const [i, x] of v.entries()) {
      const r = item(x, `${p}[${i}]`);
      if (r) return r;
    }
    return null;
  };
const fileMap: Check = (v, p) => {
  if (!isRecord(v)) return `${p} must be an object of path -> file content`;
  const bad = Object.entries(v).find(([, c]) => typeof c !== 'string');
  return bad ? `${p}["${bad[0]}"] must be a string` : null;
};
const fields =
  (spec: Record<string, Check>, optional: Record<string, Check> = {}): Check =>
  (v, p) => {
    if (!isRecord(v)) return `${p} must be an object`;
    for (const [k, check] of Object.entries(spec)) {
      const r = check(v[k], `${p}.${k}`);
      if (r) return r;
    }
    for (const [k, check] of Object.entries(optional)) {
      if (v[k] !== undefined) {
        const r = check(v[k], `${p}.${k}`);
        if (r) return r;
      }
    }
    return null;
  };

const edit: Check = (v, p) => {
  if (!isRecord(v)) return `${p} must be an object`;
  if (v.op === 'replace') return fields({ file: str, token: num, text: str })(v, p);
  if (v.op === 'insert') return fields({ file: str, line: num, text: str })(v, p);
  if (v.op === 'delete') return fields({ file: str, line: num })(v, p);
  return `${p}.op must be replace, insert or delete`;
};
const testCase = fields({ module: str, fn: str, args: arrayOf(str) }, { expect: str });

const answer: Check = (v, p) => {
  if (!isRecord(v)) return `${p} must be an object`;
  switch (v.kind) {
    case 'files':
      return fields({ files: arrayOf(str) })(v, p);
    case 'edits':
      return fields({ edits: arrayOf(edit) })(v, p);
    case 'tests':
      return fields({ cases: arrayOf(testCase) })(v, p);
    case 'verdict':
      return v.verdict === 'YES' || v.verdict === 'NO' ? null : `${p}.verdict must be YES or NO`;
    case 'steps':
      return fields({ steps: arrayOf(answer) })(v, p);
    default:
      return `${p}.kind must be files, edits, tests, verdict or steps`;
  }
};

const space = fields({
  files: arrayOf(str),
  literals: arrayOf(str),
  functions: arrayOf(fields({ module: str, fn: str, arity: num })),
  maxCases: num,
  expectRequired: bool,
  maxEdits: num,
  replacements: arrayOf(str),
  insertLines: arrayOf(str),
});

const hidden = fields(
  { tests: fileMap },
  {
    fixedFiles: fileMap,
    mutants: arrayOf(fields({ id: str, file: str, content: str, description: str })),
    label: (v, p) => (v === 'YES' || v === 'NO' ? null : `${p} must be YES or NO`),
    structural: (v, p) =>
      isRecord(v) && (v.type === 'renamed' || v.type === 'constant')
        ? null
        : `${p}.type must be renamed or constant`,
  },
);

const taskCheck = fields(
  {
    id: str,
    kind: (v, p) =>
      typeof v === 'string' && isTaskKind(v)
        ? null
        : `${p} must be one of the task kinds (localization, editing, ..., security-fix)`,
    split: (v, p) =>
      (SPLITS as readonly unknown[]).includes(v) ? null : `${p} must be train, val or test`,
    project: str,
    origin: (v, p) =>
      v === 'builtin' || v === 'humanevalpack' || v === 'import'
        ? null
        : `${p} must be builtin, humanevalpack or import`,
    prompt: fields({ title: str, body: str }),
    files: fileMap,
    gold: answer,
    hidden,
    space,
    meta: (v, p) => (isRecord(v) ? null : `${p} must be an object`),
  },
  { patch: str, focus: fields({ file: str }) },
);

/** Why a parsed JSON value is not a whole task (naming the field), or null when it is one. */
export function checkTaskShape(value: unknown): string | null {
  return taskCheck(value, 'task');
}

/** Narrows after `checkTaskShape` returned null. */
export const asTask = (value: unknown): Task => value as Task;
