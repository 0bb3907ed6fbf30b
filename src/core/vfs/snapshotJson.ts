/**
 * The JSON form of a snapshot, for IndexedDB, worker messages and task files. Reading it checks
 * every field and names the wrong one, since these values come from storage or other programs.
 */
import { VfsError } from './errors';
import { pathProblem } from './paths';
import { Snapshot } from './snapshot';

/** Version of {@link SnapshotJSON}; bump it when the shape changes. */
export const SNAPSHOT_JSON_VERSION = 1;

/** A snapshot as plain JSON data. */
export interface SnapshotJSON {
  version: typeof SNAPSHOT_JSON_VERSION;
  files: Record<string, string>;
}

/** The JSON form of `snapshot`, files in path order. */
export function snapshotToJSON(snapshot: Snapshot): SnapshotJSON {
  return { version: SNAPSHOT_JSON_VERSION, files: snapshot.toRecord() };
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : typeof value;
}

function fail(field: string, problem: string): never {
  throw new VfsError(`snapshot JSON: ${field} ${problem}`, field);
}

function parseText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail('(text)', `is not valid JSON: ${detail}`);
  }
}

/**
 * Reads a {@link SnapshotJSON} (the parsed value, or its JSON text). Throws {@link VfsError}
 * naming the wrong field: `version`, `files`, or `files["some/path"]`.
 */
export function snapshotFromJSON(value: unknown): Snapshot {
  const data = typeof value === 'string' ? parseText(value) : value;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    fail('(root)', `must be an object { version, files }, got ${kindOf(data)}`);
  }
  const { version, files } = data as Record<string, unknown>;
  if (version !== SNAPSHOT_JSON_VERSION) {
    fail(
      'version',
      `must be ${SNAPSHOT_JSON_VERSION}, got ${JSON.stringify(version) ?? 'nothing'}`,
    );
  }
  if (typeof files !== 'object' || files === null || Array.isArray(files)) {
    fail('files', `must be an object mapping paths to contents, got ${kindOf(files)}`);
  }
  const entries = Object.entries(files as Record<string, unknown>);
  for (const [path, content] of entries) {
    const field = `files[${JSON.stringify(path)}]`;
    const problem = pathProblem(path);
    if (problem !== null) fail(field, `has an invalid path: ${problem}`);
    if (typeof content !== 'string') fail(field, `must be a string, got ${kindOf(content)}`);
  }
  return Snapshot.fromEntries(entries as Array<[string, string]>);
}
