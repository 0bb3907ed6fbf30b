/** Keys dropped while parsing so a query can never reach Object.prototype. */
export const UNSAFE_KEYS = ['__proto__', 'constructor', 'prototype'];

/**
 * Decodes one query component: '+' is a space, bad percent escapes are kept as written.
 * @param {string} text the raw component
 * @returns {string} the decoded text
 * @example decodeComponent('a+b%20c%2B') // => 'a b c+'
 */
export function decodeComponent(text) {
  const spaced = text.split('+').join(' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

/**
 * Parses a query string; repeated keys collect their values into an array.
 * @param {string} query the query, with or without a leading '?'
 * @returns {object} key to a string, or to an array of strings for repeated keys
 * @example parseQuery('?a=1&b=x%20y&a=2&flag') // => { a: ['1', '2'], b: 'x y', flag: '' }
 */
export function parseQuery(query) {
  if (typeof query !== 'string') {
    throw new TypeError('query must be a string');
  }
  const text = query.startsWith('?') ? query.slice(1) : query;
  const out = {};
  for (const part of text.split('&')) {
    const eq = part.indexOf('=');
    const key = decodeComponent(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? '' : decodeComponent(part.slice(eq + 1));
    // Empty keys also cover the empty parts of 'a=1&&b=2'.
    if (key.length === 0 || UNSAFE_KEYS.includes(key)) {
      continue;
    }
    if (!Object.prototype.hasOwnProperty.call(out, key)) {
      out[key] = value;
    } else if (Array.isArray(out[key])) {
      out[key].push(value);
    } else {
      out[key] = [out[key], value];
    }
  }
  return out;
}

/**
 * Builds a query string (no leading '?'); arrays repeat their key, null and undefined are skipped.
 * @param {object} params key to a string, number, boolean, array of those, or null
 * @returns {string} the encoded query
 * @example stringifyQuery({ q: 'a b', tag: ['x', 'y'], page: 2, skip: null }) // => 'q=a%20b&tag=x&tag=y&page=2'
 */
export function stringifyQuery(params) {
  if (params === null || typeof params !== 'object' || Array.isArray(params)) {
    throw new TypeError('params must be a plain object');
  }
  const parts = [];
  for (const key of Object.keys(params)) {
    const raw = params[key];
    const values = Array.isArray(raw) ? raw : [raw];
    for (const v of values) {
      if (v === null || v === undefined) {
        continue;
      }
      if (typeof v === 'object') {
        throw new TypeError('value of ' + key + ' must be a primitive');
      }
      parts.push(encodeURIComponent(key) + '=' + encodeURIComponent(String(v)));
    }
  }
  return parts.join('&');
}

/**
 * Adds one parameter to a URL, before any '#fragment'.
 * @param {string} url the URL, with or without a query
 * @param {string} key the parameter name
 * @param {string} value the parameter value
 * @returns {string} the URL with '?key=value' or '&key=value' added
 * @example appendParam('/search?q=1#top', 'page', '2') // => '/search?q=1&page=2#top'
 */
export function appendParam(url, key, value) {
  const hash = url.indexOf('#');
  const base = hash < 0 ? url : url.slice(0, hash);
  const fragment = hash < 0 ? '' : url.slice(hash);
  const pair = encodeURIComponent(key) + '=' + encodeURIComponent(value);
  let sep = '&';
  if (!base.includes('?')) {
    sep = '?';
  } else if (base.endsWith('?') || base.endsWith('&')) {
    sep = '';
  }
  return base + sep + pair + fragment;
}
