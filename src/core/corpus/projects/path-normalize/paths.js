function checkPath(p, name) {
  if (typeof p !== 'string') {
    throw new TypeError(name + ' must be a string');
  }
  if (p.indexOf('\0') !== -1) {
    throw new Error(name + ' must not contain NUL bytes');
  }
}

/**
 * Normalises a POSIX path: collapses repeated slashes, drops '.', resolves '..'.
 * Absolute paths never go above '/'; relative paths keep leading '..' segments.
 * @param {string} p the path
 * @returns {string} the normalised path ('.' for an empty relative path)
 * @example normalizePath('/a//b/./c/../d/') // => '/a/b/d'
 */
export function normalizePath(p) {
  checkPath(p, 'path');
  const absolute = p.startsWith('/');
  const out = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') {
        out.pop();
      } else if (!absolute) {
        out.push('..');
      }
      continue;
    }
    out.push(seg);
  }
  const body = out.join('/');
  if (absolute) return '/' + body;
  return body === '' ? '.' : body;
}

/**
 * Joins path segments with '/' and normalises the result; empty segments are skipped.
 * @param {...string} parts the segments
 * @returns {string} the joined path
 * @example joinPaths('a', 'b/', '../c') // => 'a/c'
 */
export function joinPaths(...parts) {
  for (const part of parts) checkPath(part, 'segment');
  const nonEmpty = parts.filter((part) => part.length > 0);
  if (nonEmpty.length === 0) return '.';
  return normalizePath(nonEmpty.join('/'));
}

/**
 * Whether an absolute path equals root or lies below it (segment-wise, not by string prefix).
 * @param {string} root an absolute directory
 * @param {string} candidate an absolute path
 * @returns {boolean} true when candidate is inside root
 * @example isWithin('/srv/app', '/srv/app-old/x') // => false
 */
export function isWithin(root, candidate) {
  const r = normalizePath(root);
  const c = normalizePath(candidate);
  if (!r.startsWith('/') || !c.startsWith('/')) {
    throw new Error('isWithin needs absolute paths');
  }
  if (r === '/') return true;
  return c === r || c.startsWith(r + '/');
}

/**
 * Resolves a user-supplied relative path under root; throws if it is absolute or escapes root.
 * @param {string} root an absolute directory
 * @param {string} userPath a relative path from untrusted input
 * @returns {string} the absolute, normalised path inside root
 * @example resolveWithin('/srv/app', 'img/../logo.png') // => '/srv/app/logo.png'
 */
export function resolveWithin(root, userPath) {
  checkPath(root, 'root');
  checkPath(userPath, 'path');
  if (!root.startsWith('/')) {
    throw new Error('root must be absolute');
  }
  if (userPath.startsWith('/')) {
    throw new Error('absolute paths are not allowed');
  }
  const base = normalizePath(root);
  const full = normalizePath(base + '/' + userPath);
  if (!isWithin(base, full)) {
    throw new Error('path escapes root: ' + userPath);
  }
  return full;
}

/**
 * Extension of the last path segment including the dot; '' for none or for dotfiles.
 * @param {string} p the path
 * @returns {string} the extension
 * @example extname('/a/b.tar.gz') // => '.gz'
 */
export function extname(p) {
  checkPath(p, 'path');
  const base = p.slice(p.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return '';
  return base.slice(dot);
}
