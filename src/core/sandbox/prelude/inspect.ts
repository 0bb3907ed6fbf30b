/**
 * Prelude chunk (JavaScript evaluated inside QuickJS on first use): a short, Jest-like
 * rendering of values for failure messages and the console. Loaded lazily because parsing
 * is the main cost of a run and passing tests never print a value.
 */
export const CHUNK_INSPECT = String.raw`(function () {
  'use strict';

  const MAX_ITEMS = 20;
  const MAX_TEXT = 300;

  function ctorName(value) {
    const proto = Object.getPrototypeOf(value);
    if (proto === null) return 'Object';
    const ctor = proto.constructor;
    return typeof ctor === 'function' && ctor.name ? ctor.name : 'Object';
  }

  function inspectKey(key) {
    return /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
  }

  function inspectEntries(items, depth, seen) {
    const shown = items.slice(0, MAX_ITEMS).map((item) => inspectAt(item, depth + 1, seen));
    if (items.length > MAX_ITEMS) shown.push('... ' + (items.length - MAX_ITEMS) + ' more');
    return shown.join(', ');
  }

  function inspectObject(value, depth, seen) {
    if (Array.isArray(value)) return '[' + inspectEntries(value, depth, seen) + ']';
    if (value instanceof Map) {
      const pairs = Array.from(value).slice(0, MAX_ITEMS).map(
        (pair) => inspectAt(pair[0], depth + 1, seen) + ' => ' + inspectAt(pair[1], depth + 1, seen),
      );
      return 'Map(' + value.size + ') {' + pairs.join(', ') + '}';
    }
    if (value instanceof Set) return 'Set(' + value.size + ') {' + inspectEntries(Array.from(value), depth, seen) + '}';
    const name = ctorName(value);
    const keys = Object.keys(value);
    const shown = keys.slice(0, MAX_ITEMS).map((key) => inspectKey(key) + ': ' + inspectAt(value[key], depth + 1, seen));
    if (keys.length > MAX_ITEMS) shown.push('... ' + (keys.length - MAX_ITEMS) + ' more');
    const body = shown.length === 0 ? '{}' : '{ ' + shown.join(', ') + ' }';
    return name === 'Object' ? body : name + ' ' + body;
  }

  function inspectAt(value, depth, seen) {
    switch (typeof value) {
      case 'string': return JSON.stringify(value);
      case 'number': return Object.is(value, -0) ? '-0' : String(value);
      case 'bigint': return String(value) + 'n';
      case 'symbol': return value.toString();
      case 'function': return '[Function ' + (value.name || 'anonymous') + ']';
      case 'undefined': return 'undefined';
      case 'boolean': return String(value);
    }
    if (value === null) return 'null';
    if (seen.indexOf(value) >= 0) return '[Circular]';
    if (value instanceof Error) return value.name + ': ' + value.message;
    if (value instanceof Date) return isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
    if (value instanceof RegExp) return String(value);
    if (depth > 3) return Array.isArray(value) ? '[Array]' : '[' + ctorName(value) + ']';
    seen.push(value);
    try {
      return inspectObject(value, depth, seen);
    } finally {
      seen.pop();
    }
  }

  function clip(text) {
    return text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) + '...' : text;
  }

  /** A short, Jest-like rendering of any value (getters that throw are tolerated). */
  function inspect(value) {
    try {
      return clip(inspectAt(value, 0, []));
    } catch (error) {
      return '[unprintable value]';
    }
  }

  return inspect;
})`;
