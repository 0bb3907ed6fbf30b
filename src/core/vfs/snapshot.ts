/**
 * Immutable repository snapshots. Every episode forks the task's snapshot, so forking must be
 * cheap and a fork must never change its parent: each change copies the map (about 4 us for 50
 * files) instead of sharing mutable state.
 */
import { VfsError } from './errors';
import { Fnv64 } from './hash';
import { assertNoDirConflicts, assertValidPath, comparePaths } from './paths';

function assertContent(path: string, content: unknown): string {
  if (typeof content !== 'string') {
    throw new VfsError(`content of "${path}" must be a string, got ${typeof content}`, path);
  }
  return content;
}

/** A repository at one moment: relative POSIX path -> file content. */
export class Snapshot {
  // Private fields stay writable after Object.freeze, so the lazy caches below still work.
  readonly #files: ReadonlyMap<string, string>;
  #sorted: readonly string[] | undefined;
  #id: string | undefined;

  private constructor(files: Map<string, string>) {
    this.#files = files;
    Object.freeze(this);
  }

  /** A snapshot with no files. */
  static empty(): Snapshot {
    return new Snapshot(new Map());
  }

  /** Builds a snapshot from path/content pairs; throws {@link VfsError} on a bad path or value. */
  static fromEntries(entries: Iterable<readonly [string, string]>): Snapshot {
    const files = new Map<string, string>();
    for (const [path, content] of entries) {
      assertValidPath(path);
      if (files.has(path)) throw new VfsError(`duplicate path "${path}"`, path);
      files.set(path, assertContent(path, content));
    }
    assertNoDirConflicts(files);
    return new Snapshot(files);
  }

  /** Number of files. */
  get size(): number {
    return this.#files.size;
  }

  /** The content of `path`, or undefined when there is no such file. */
  get(path: string): string | undefined {
    return this.#files.get(path);
  }

  /** Whether `path` is a file of this snapshot. */
  has(path: string): boolean {
    return this.#files.has(path);
  }

  /** All file paths in code-unit order (the order of `git diff`). */
  paths(): readonly string[] {
    this.#sorted ??= Object.freeze([...this.#files.keys()].sort(comparePaths));
    return this.#sorted;
  }

  /** `[path, content]` pairs in path order. */
  entries(): Array<[string, string]> {
    return this.paths().map((path) => [path, this.#files.get(path) ?? '']);
  }

  /** A plain object copy, keys in path order (`__proto__` stays an ordinary key). */
  toRecord(): Record<string, string> {
    return Object.fromEntries(this.entries());
  }

  /** A fork with `path` set to `content`; returns this snapshot when nothing changes. */
  with(path: string, content: string): Snapshot {
    if (this.#files.get(path) === content) return this;
    return this.withChanges([[path, content]]);
  }

  /** A fork without `path`; returns this snapshot when there is no such file. */
  without(path: string): Snapshot {
    return this.#files.has(path) ? this.withChanges([[path, null]]) : this;
  }

  /**
   * A fork with many changes at once (null deletes): one copy instead of one per file, and
   * path clashes are judged on the final set, so `src` can become `src/index.js` in one step.
   */
  withChanges(changes: Iterable<readonly [string, string | null]>): Snapshot {
    const files = new Map(this.#files);
    let added = false;
    for (const [path, content] of changes) {
      if (content === null) {
        files.delete(path);
        continue;
      }
      assertValidPath(path);
      added ||= !files.has(path);
      files.set(path, assertContent(path, content));
    }
    if (added) assertNoDirConflicts(files);
    return new Snapshot(files);
  }

  /** Same paths with the same contents. */
  equals(other: Snapshot): boolean {
    if (other === this) return true;
    if (other.size !== this.size) return false;
    // Cached ids can only prove a difference: equal hashes still compare the contents.
    if (this.#id !== undefined && other.#id !== undefined && this.#id !== other.#id) return false;
    for (const [path, content] of this.#files) {
      if (other.#files.get(path) !== content) return false;
    }
    return true;
  }

  /** A stable 64-bit FNV-1a hash of the sorted paths and contents, as 16 hex digits. */
  id(): string {
    if (this.#id === undefined) {
      const hash = new Fnv64();
      for (const path of this.paths()) {
        const content = this.#files.get(path) ?? '';
        // Length prefixes make the encoding unambiguous whatever the names and contents hold.
        hash.update(`${path.length}:${path}${content.length}:`).update(content);
      }
      this.#id = hash.hex();
    }
    return this.#id;
  }
}

/**
 * A snapshot from a plain `{ path: content }` record. Throws {@link VfsError} for an absolute
 * path, a `..` or `.` segment, an empty name, a backslash, a non-string content, or a file that
 * would also have to be a directory.
 */
export function createSnapshot(record: Readonly<Record<string, string>>): Snapshot {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    throw new VfsError('createSnapshot needs a plain { path: content } object');
  }
  return Snapshot.fromEntries(Object.entries(record));
}
