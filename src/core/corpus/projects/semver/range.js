import { compareVersions, parseVersion } from './version.js';

const OPERATORS = ['>=', '<=', '>', '<', '='];

/**
 * Expands one range term into plain comparators.
 * @param {string} term e.g. '^1.2.3', '~1.2.3', '>=1.0.0', '1.2.3' or '*'
 * @returns {string[]} comparators such as '>=1.2.3' and '<2.0.0' ([] matches anything)
 * @example expandTerm('^0.2.3') // => ['>=0.2.3', '<0.3.0']
 */
export function expandTerm(term) {
  if (term === '*' || term === 'x') {
    return [];
  }
  const first = term[0];
  if (first === '^' || first === '~') {
    const base = term.slice(1);
    const v = parseVersion(base);
    let upper;
    if (first === '~') {
      upper = v.major + '.' + (v.minor + 1) + '.0';
    } else if (v.major > 0) {
      upper = v.major + 1 + '.0.0';
    } else if (v.minor > 0) {
      upper = '0.' + (v.minor + 1) + '.0';
    } else {
      upper = '0.0.' + (v.patch + 1);
    }
    return ['>=' + base, '<' + upper];
  }
  for (const op of OPERATORS) {
    if (term.startsWith(op)) {
      parseVersion(term.slice(op.length));
      return [term];
    }
  }
  parseVersion(term);
  return ['=' + term];
}

/**
 * Tests a version against one comparator.
 * @param {string} version the version to test
 * @param {string} comparator an operator followed by a version, e.g. '<2.0.0'
 * @returns {boolean} true when the comparison holds
 * @example testComparator('1.5.0', '<2.0.0') // => true
 */
export function testComparator(version, comparator) {
  const op = OPERATORS.find((o) => comparator.startsWith(o));
  if (op === undefined) {
    throw new Error('comparator needs an operator: ' + comparator);
  }
  const c = compareVersions(version, comparator.slice(op.length));
  if (op === '>=') {
    return c >= 0;
  }
  if (op === '<=') {
    return c <= 0;
  }
  if (op === '>') {
    return c > 0;
  }
  if (op === '<') {
    return c < 0;
  }
  return c === 0;
}

/**
 * Tests a version against a range: spaces mean AND, '||' means OR.
 * @param {string} version the version to test
 * @param {string} range e.g. '^1.2.0 || >=3.0.0 <3.5.0'
 * @returns {boolean} true when some alternative accepts the version
 * @example satisfies('1.4.2', '^1.2.0 || >=3.0.0') // => true
 */
export function satisfies(version, range) {
  if (typeof range !== 'string') {
    throw new TypeError('range must be a string');
  }
  return range.split('||').some((alternative) => {
    const terms = alternative
      .trim()
      .split(/\s+/)
      .filter((t) => t.length > 0);
    return terms.every((term) => expandTerm(term).every((c) => testComparator(version, c)));
  });
}

/**
 * Highest version in a list that satisfies a range.
 * @param {string[]} versions candidate versions
 * @param {string} range the range to satisfy
 * @returns {string|null} the best match, or null when none matches
 * @example maxSatisfying(['1.2.0', '1.9.1', '2.0.0'], '^1.0.0') // => '1.9.1'
 */
export function maxSatisfying(versions, range) {
  let best = null;
  for (const v of versions) {
    if (satisfies(v, range) && (best === null || compareVersions(v, best) > 0)) {
      best = v;
    }
  }
  return best;
}
