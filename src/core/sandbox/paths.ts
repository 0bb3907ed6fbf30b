/**
 * Module resolution inside the sandbox: specifiers resolve only against the files of the
 * snapshot, never against a package registry or the host file system.
 */
import type { SandboxFiles } from './types';

/**
 * Prefix of a module name the resolver could not map to a file (the loader then reports it).
 * No NUL: names cross into C strings.
 */
export const UNRESOLVED_PREFIX = 'sandbox:unresolved:';

/**
 * Normalises a POSIX-style path: drops `.` and empty segments, applies `..`.
 * Returns null when `..` would climb above the repository root.
 */
export function normalizePath(path: string): string | null {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(part);
  }
  return out.join('/');
}

function dirname(path: string): string {
  const cut = path.lastIndexOf('/');
  return cut < 0 ? '' : path.slice(0, cut);
}

function isRelative(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../') || specifier.startsWith('/');
}

/** Candidate files for a path written without its extension, in Node's order. */
function candidates(path: string): string[] {
  return [path, `${path}.js`, `${path}.mjs`, `${path}/index.js`];
}

/**
 * Resolves `specifier` imported from the module `base` to a key of `files`, or null.
 * Relative (`./x.js`, `../x`) and root-absolute (`/src/x.js`) specifiers are accepted;
 * bare specifiers (`lodash`, `node:fs`) never resolve.
 */
export function resolveSpecifier(
  files: SandboxFiles,
  base: string,
  specifier: string,
): string | null {
  if (!isRelative(specifier)) return null;
  const joined = specifier.startsWith('/') ? specifier : `${dirname(base)}/${specifier}`;
  const path = normalizePath(joined);
  if (path === null || path === '') return null;
  for (const candidate of candidates(path)) {
    if (Object.prototype.hasOwnProperty.call(files, candidate)) return candidate;
  }
  return null;
}

/** The message the sandbox gives when an import cannot be satisfied. */
export function unresolvedMessage(specifier: string, base: string): string {
  const why = isRelative(specifier)
    ? 'no such file in the repository'
    : 'packages and built-in modules are not available in the sandbox';
  return `Cannot find module '${specifier}' imported from ${base}: ${why}`;
}

/** Test files run by default: every path ending in `.test.js`, sorted. */
export function defaultTestFiles(files: SandboxFiles): string[] {
  return Object.keys(files)
    .filter((path) => path.endsWith('.test.js'))
    .sort();
}
