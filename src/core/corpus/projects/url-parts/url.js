const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*$/;
const DEFAULT_PORTS = { http: 80, https: 443, ws: 80, wss: 443, ftp: 21 };

/**
 * Well-known default port of a scheme.
 * @param {string} scheme lowercase scheme name
 * @returns {number|null} the port, or null if unknown
 * @example defaultPort('https') // => 443
 */
export function defaultPort(scheme) {
  return Object.prototype.hasOwnProperty.call(DEFAULT_PORTS, scheme) ? DEFAULT_PORTS[scheme] : null;
}

function splitOff(text, marker) {
  const i = text.indexOf(marker);
  return i === -1 ? [text, ''] : [text.slice(0, i), text.slice(i + 1)];
}

function parseAuthority(authority, scheme) {
  // Userinfo before the last '@' is not part of the host: 'http://good.com@evil.com' goes to evil.com.
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  let host = hostPort;
  let portText = '';
  if (hostPort.startsWith('[')) {
    const close = hostPort.indexOf(']');
    if (close === -1) throw new Error('unterminated IPv6 host');
    host = hostPort.slice(0, close + 1);
    portText = hostPort.slice(close + 1).replace(/^:/, '');
  } else if (hostPort.indexOf(':') !== -1) {
    host = hostPort.slice(0, hostPort.indexOf(':'));
    portText = hostPort.slice(hostPort.indexOf(':') + 1);
  }
  if (host === '') throw new Error('missing host');
  let port = defaultPort(scheme);
  if (portText !== '') {
    if (!/^[0-9]{1,5}$/.test(portText) || Number(portText) < 1 || Number(portText) > 65535) {
      throw new RangeError('invalid port: ' + portText);
    }
    port = Number(portText);
  }
  return { host: host.toLowerCase(), port };
}

/**
 * Splits an absolute URL into its parts; the scheme and host are lowercased.
 * @param {string} url the URL
 * @returns {{scheme: string, host: string, port: number|null, path: string, query: string, fragment: string}} the parts
 * @example parseUrl('HTTP://Example.com:8080/a?b=1#top') // => { scheme: 'http', host: 'example.com', port: 8080, path: '/a', query: 'b=1', fragment: 'top' }
 */
export function parseUrl(url) {
  if (typeof url !== 'string') throw new TypeError('url must be a string');
  const colon = url.indexOf(':');
  if (colon < 1 || !SCHEME.test(url.slice(0, colon))) throw new Error('missing or invalid scheme');
  const scheme = url.slice(0, colon).toLowerCase();
  const [beforeFragment, fragment] = splitOff(url.slice(colon + 1), '#');
  const [beforeQuery, query] = splitOff(beforeFragment, '?');
  let rest = beforeQuery;
  let host = '';
  let port = null;
  if (rest.startsWith('//')) {
    const end = rest.indexOf('/', 2);
    const authority = end === -1 ? rest.slice(2) : rest.slice(2, end);
    ({ host, port } = parseAuthority(authority, scheme));
    rest = end === -1 ? '/' : rest.slice(end);
  }
  return { scheme, host, port, path: rest, query, fragment };
}

/**
 * Decodes a query string into [key, value] pairs in order; '+' means space.
 * @param {string} query the query without the leading '?'
 * @returns {string[][]} the pairs (a key without '=' gets the value '')
 * @example parseQuery('a=1&b=x+y&c') // => [['a', '1'], ['b', 'x y'], ['c', '']]
 */
export function parseQuery(query) {
  if (typeof query !== 'string') throw new TypeError('query must be a string');
  const text = query.startsWith('?') ? query.slice(1) : query;
  const pairs = [];
  for (const part of text.split('&')) {
    if (part === '') continue;
    const [k, v] = splitOff(part, '=');
    const decode = (s) => decodeURIComponent(s.replace(/\+/g, ' '));
    pairs.push([decode(k), decode(v)]);
  }
  return pairs;
}

/**
 * Scheme check for links from untrusted input: control characters and whitespace are removed
 * first (browsers ignore them), relative URLs are allowed, other schemes must be in the list.
 * @param {string} url the link
 * @param {string[]} allowed lowercase allowed schemes
 * @returns {boolean} whether the link is safe to use as an href
 * @example isSafeLink('javascript:alert(1)', ['http', 'https']) // => false
 */
export function isSafeLink(url, allowed = ['http', 'https', 'mailto']) {
  if (typeof url !== 'string') return false;
  const cleaned = url.replace(/[\u0000-\u0020\u007f]/g, '');
  const colon = cleaned.indexOf(':');
  const firstDelimiter = cleaned.search(/[/?#]/);
  if (colon === -1 || (firstDelimiter !== -1 && firstDelimiter < colon)) {
    return true;
  }
  return allowed.indexOf(cleaned.slice(0, colon).toLowerCase()) !== -1;
}
