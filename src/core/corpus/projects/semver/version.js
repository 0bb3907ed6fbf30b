const NUMERIC = /^(0|[1-9][0-9]*)$/;
const IDENT = /^[0-9A-Za-z-]+$/;

function parseNumber(part, name, text) {
  if (!NUMERIC.test(part)) {
    throw new Error('invalid ' + name + ' in version: ' + text);
  }
  return Number(part);
}

/**
 * Parses 'MAJOR.MINOR.PATCH[-prerelease][+build]' (a leading 'v' is allowed; build is ignored).
 * @param {string} text the version
 * @returns {{major: number, minor: number, patch: number, prerelease: Array}} the parts; numeric prerelease ids become numbers
 * @example parseVersion('v1.2.3-beta.2+sha.5') // => { major: 1, minor: 2, patch: 3, prerelease: ['beta', 2] }
 */
export function parseVersion(text) {
  if (typeof text !== 'string') {
    throw new TypeError('version must be a string');
  }
  let rest = text.trim();
  if (rest.startsWith('v')) {
    rest = rest.slice(1);
  }
  const plus = rest.indexOf('+');
  if (plus >= 0) {
    rest = rest.slice(0, plus);
  }
  const dash = rest.indexOf('-');
  const core = dash >= 0 ? rest.slice(0, dash) : rest;
  const parts = core.split('.');
  if (parts.length !== 3) {
    throw new Error('version needs three numbers: ' + text);
  }
  const prerelease = [];
  if (dash >= 0) {
    for (const id of rest.slice(dash + 1).split('.')) {
      if (!IDENT.test(id)) {
        throw new Error('invalid prerelease in version: ' + text);
      }
      prerelease.push(NUMERIC.test(id) ? Number(id) : id);
    }
  }
  return {
    major: parseNumber(parts[0], 'major', text),
    minor: parseNumber(parts[1], 'minor', text),
    patch: parseNumber(parts[2], 'patch', text),
    prerelease,
  };
}

/**
 * Compares prerelease lists: none ranks above any; numbers rank below strings.
 * @param {Array} a prerelease ids of the first version
 * @param {Array} b prerelease ids of the second version
 * @returns {number} -1, 0 or 1
 * @example comparePrerelease(['alpha', 1], ['alpha', 'beta']) // => -1
 */
export function comparePrerelease(a, b) {
  if (a.length === 0 || b.length === 0) {
    return a.length === b.length ? 0 : a.length === 0 ? 1 : -1;
  }
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) {
      continue;
    }
    if (typeof x !== typeof y) {
      return typeof x === 'number' ? -1 : 1;
    }
    return x < y ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/**
 * Compares two versions by semver precedence.
 * @param {string} a first version
 * @param {string} b second version
 * @returns {number} -1 when a < b, 0 when equal, 1 when a > b
 * @example compareVersions('1.10.0', '1.9.9') // => 1
 */
export function compareVersions(a, b) {
  const x = parseVersion(a);
  const y = parseVersion(b);
  for (const key of ['major', 'minor', 'patch']) {
    if (x[key] !== y[key]) {
      return x[key] < y[key] ? -1 : 1;
    }
  }
  return comparePrerelease(x.prerelease, y.prerelease);
}

/**
 * Bumps a version; lower parts reset to 0, the prerelease is dropped (a patch bump of a
 * prerelease only drops it).
 * @param {string} text the version
 * @param {string} part 'major', 'minor' or 'patch'
 * @returns {string} the bumped version
 * @example bump('1.4.9-rc.1', 'minor') // => '1.5.0'
 */
export function bump(text, part) {
  const v = parseVersion(text);
  if (part === 'major') {
    return v.major + 1 + '.0.0';
  }
  if (part === 'minor') {
    return v.major + '.' + (v.minor + 1) + '.0';
  }
  if (part === 'patch') {
    // A prerelease of x.y.z already leads up to x.y.z, so the bump just drops the tag.
    const patch = v.prerelease.length > 0 ? v.patch : v.patch + 1;
    return v.major + '.' + v.minor + '.' + patch;
  }
  throw new Error('unknown part: ' + part);
}
