/**
 * Parses 'a.b[0].c' into segments; numeric brackets become index strings.
 * @param {string} path the path
 * @returns {string[]} the segments
 * @example parsePath('users[2].name') // => ['users', '2', 'name']
 */
export function parsePath(path) {
  if (typeof path !== 'string') {
    throw new TypeError('path must be a string');
  }
  if (path === '') return [];
  const segments = [];
  for (const dotted of path.split('.')) {
    const m = dotted.match(/^([^[\]]*)((?:\[\d+\])*)$/);
    if (m === null) {
      throw new Error('malformed path segment: ' + dotted);
    }
    if (m[1] === '' && (m[2] === '' || segments.length > 0)) {
      throw new Error('empty path segment in: ' + path);
    }
    if (m[1] !== '') segments.push(m[1]);
    const indexes = m[2].match(/\d+/g);
    if (indexes !== null) {
      for (const ix of indexes) segments.push(ix);
    }
  }
  return segments;
}

function step(node, key) {
  if (node === null || typeof node !== 'object') {
    return { found: false, value: undefined };
  }
  if (!Object.prototype.hasOwnProperty.call(node, key)) {
    return { found: false, value: undefined };
  }
  return { found: true, value: node[key] };
}

/**
 * Reads a nested value through own properties; anything missing or inherited gives the fallback.
 * @param {object} obj the root
 * @param {string} path dotted or bracketed path ('' is the root)
 * @param {*} fallback value returned when the path does not resolve
 * @returns {*} the value found, or fallback
 * @example getPath({ a: { b: [10, 20] } }, 'a.b[1]', null) // => 20
 */
export function getPath(obj, path, fallback = undefined) {
  let node = obj;
  for (const key of parsePath(path)) {
    const r = step(node, key);
    if (!r.found) return fallback;
    node = r.value;
  }
  return node;
}

/**
 * Whether a nested own property exists (even when its value is undefined or null).
 * @param {object} obj the root
 * @param {string} path dotted or bracketed path
 * @returns {boolean} true when every step is an own property
 * @example hasPath({ a: { b: undefined } }, 'a.b') // => true
 */
export function hasPath(obj, path) {
  let node = obj;
  for (const key of parsePath(path)) {
    const r = step(node, key);
    if (!r.found) return false;
    node = r.value;
  }
  return true;
}

/**
 * Builds a flat object of selected paths; paths that do not resolve are left out.
 * @param {object} obj the root
 * @param {string[]} paths the paths to copy
 * @returns {object} path to value
 * @example pickPaths({ a: { b: 1 }, c: 2 }, ['a.b', 'x']) // => { 'a.b': 1 }
 */
export function pickPaths(obj, paths) {
  const out = {};
  for (const p of paths) {
    if (hasPath(obj, p)) {
      // defineProperty so a path named '__proto__' becomes data instead of replacing the prototype.
      Object.defineProperty(out, p, {
        value: getPath(obj, p),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return out;
}
